"""Dense (Chroma via llama-index) and lexical (BM25) indexes, and their fusion."""
