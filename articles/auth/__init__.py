"""Team mode's users, roles and sign-in: a local user file with argon2 hashes.

Pure Python: never imports Streamlit (the sign-in form is ``components/panels``),
nor the index or the query side.
"""
