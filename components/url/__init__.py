"""The view <-> URL query parameters: parse untrusted values, report, never raise.

May import `components.view` and `components.highlight`; never panels or the map.
"""
