"""Team corpus tests run against a throwaway PostgreSQL server."""

from tests.team_fixtures import team_url

__all__ = ["team_url"]
