"""Pure geodata: layer catalog, derivation, loading, measured facts and gazetteer."""
