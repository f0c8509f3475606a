"""The one kind of error a user can fix: its message names the problem and, where there is one, the fix."""


class UsageError(Exception):
    pass
