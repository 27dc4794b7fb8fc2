"""Test access to the real `chroma run` server helper."""

from cqdt.servers import free_port, local_chroma_server

chroma_server = local_chroma_server

__all__ = ["chroma_server", "free_port"]
