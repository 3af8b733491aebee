"""The rule catalogue: one module per rule, ``<family><number>_<name>.py``.

Modules are discovered by ``policy.registry``; adding a rule is adding a module.
"""
