"""The analyst's decisions on links: stored as data in the corpus, applied at sync.

Must not import the index's writer or the query side: the index imports this.
"""
