"""Plain REST on the app's server: /api/ask, /api/search, /api/health. Bad requests get a 4xx JSON error."""

from __future__ import annotations

import base64
import logging
import secrets
from typing import Any, Literal

from fastapi import FastAPI, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from answering.types import Turn
from cqdt.errors import CqdtError, DocumentNotFoundError, InputError
from cqdt.library import SearchFilters
from cqdt.services import Services

log = logging.getLogger("cqdt.api")


class TurnIn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class FiltersIn(BaseModel):
    doc_ids: list[str] = Field(default_factory=list, max_length=1000)
    places: list[str] = Field(default_factory=list, max_length=100)
    date_from: str = Field(default="", pattern=r"^(\d{4}-\d{2}-\d{2})?$")
    date_to: str = Field(default="", pattern=r"^(\d{4}-\d{2}-\d{2})?$")

    def to_filters(self) -> SearchFilters:
        return SearchFilters(frozenset(self.doc_ids), frozenset(self.places), self.date_from, self.date_to)


class AskIn(BaseModel):
    question: str = Field(max_length=100_000)
    history: list[TurnIn] = Field(default_factory=list, max_length=50)
    filters: FiltersIn | None = None
    llm: bool = False
    id: str | None = Field(default=None, max_length=200)


class SearchIn(BaseModel):
    query: str = Field(max_length=100_000)
    k: int = Field(default=5, ge=1, le=100)
    filters: FiltersIn | None = None


def _error(status: int, vi: str, en: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": vi, "error_en": en})


def create_api(services: Services) -> FastAPI:
    api = FastAPI(title="Trợ lý Chính quyền đô thị", docs_url="/api/docs", openapi_url="/api/openapi.json")
    settings = services.settings
    if settings.auth_username and settings.auth_password:
        expected = "Basic " + base64.b64encode(f"{settings.auth_username}:{settings.auth_password}".encode()).decode()

        @api.middleware("http")
        async def basic_auth(request: Request, call_next: Any) -> Any:
            # The REST API sits behind the same username/password as the app.
            if request.url.path.startswith("/api/") and not secrets.compare_digest(
                request.headers.get("authorization", ""), expected
            ):
                return JSONResponse(
                    status_code=401,
                    content={"error": "Cần đăng nhập.", "error_en": "authentication required"},
                    headers={"WWW-Authenticate": "Basic"},
                )
            return await call_next(request)

    @api.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "body" for e in exc.errors())
        return _error(422, f"Yêu cầu không hợp lệ ({fields}).", f"invalid request: {fields}")

    @api.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return _error(404 if isinstance(exc, DocumentNotFoundError) else 400, exc.vi, exc.en)

    @api.exception_handler(CqdtError)
    async def service_error(request: Request, exc: CqdtError) -> JSONResponse:
        return _error(503, exc.vi, exc.en)

    @api.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, "Lỗi máy chủ không mong đợi.", "unexpected server error")

    @api.get("/api/health")
    def health() -> dict[str, Any]:
        return services.health()

    @api.post("/api/ask")
    def ask(body: AskIn) -> dict[str, Any]:
        history = [Turn(t.role, t.content) for t in body.history]
        filters = body.filters.to_filters() if body.filters else None
        return services.ask(body.question, history, filters, use_llm=body.llm, id=body.id).to_dict()

    @api.post("/api/search")
    def search(body: SearchIn) -> dict[str, Any]:
        filters = body.filters.to_filters() if body.filters else None
        hits = services.search(body.query, body.k, filters)
        return {"query": body.query, "results": [h.to_dict() for h in hits]}

    @api.get("/api/documents")
    def documents() -> list[dict[str, Any]]:
        return [r.to_dict() for r in services.documents()]

    @api.post("/api/documents")
    async def upload(file: UploadFile) -> JSONResponse:
        limit = int(services.settings.max_file_mb * 1024 * 1024)
        data = await file.read(limit + 1)
        if len(data) > limit:
            return _error(413, f"Tệp quá lớn (tối đa {services.settings.max_file_mb:g} MB).", "file too large")
        result = await run_in_threadpool(services.upload_bytes, data, file.filename or "")
        status = 200 if result.ok else 400
        return JSONResponse(status_code=status, content=result.to_dict())

    @api.delete("/api/documents/{doc_id}")
    def delete(doc_id: str) -> dict[str, Any]:
        return services.remove(doc_id).to_dict()

    return api
