"""Stage 4: identities — one per document across spelling variants, agencies against the gazetteer."""
