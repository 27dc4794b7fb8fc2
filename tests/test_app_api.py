"""The launched app's REST API (httpx) and its named Gradio endpoint (gradio_client)."""

from collections.abc import Iterator

import httpx
import pytest

from .app_server import running_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("app") / "data") as url:
        yield url


def test_health(app_url):
    health = httpx.get(f"{app_url}/api/health").json()
    assert health["status"] == "ok" and health["documents"] == 5 and health["chunks"] > 30


def test_ask_returns_the_contract(app_url):
    body = {
        "question": "Còn Long Biên thì sao?",
        "history": [{"role": "user", "content": "Ai là Bí thư Quận ủy Nam Từ Liêm?"}],
        "id": "q1",
    }
    payload = httpx.post(f"{app_url}/api/ask", json=body, timeout=60).json()
    assert payload["id"] == "q1" and not payload["abstained"]
    assert "Đường Hoài Nam" in payload["answer"]
    assert {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"} <= set(payload)
    citation = payload["citations"][0]
    assert {"n", "doc_id", "title", "date", "chunk_id", "quote", "start", "end"} <= set(citation)


def test_filters_and_search(app_url):
    payload = httpx.post(
        f"{app_url}/api/search",
        json={"query": "hồ sơ thủ tục hành chính", "k": 3, "filters": {"places": ["Nam Từ Liêm"]}},
        timeout=60,
    ).json()
    assert len(payload["results"]) >= 1
    assert {r["doc_id"] for r in payload["results"]} == {"002_6749a8ba8db39570.txt"}
    ask = httpx.post(
        f"{app_url}/api/ask",
        json={"question": "Hội nghị đối thoại diễn ra ngày nào?", "filters": {"doc_ids": ["004_693e48c796638abe.txt"]}},
        timeout=60,
    ).json()
    assert all(c["doc_id"] == "004_693e48c796638abe.txt" for c in ask["citations"])


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/api/ask", {"question": ""}, 400),
        ("/api/ask", {"question": 5}, 422),
        ("/api/ask", {}, 422),
        ("/api/ask", {"question": "x", "history": [{"role": "system", "content": "y"}]}, 422),
        ("/api/ask", {"question": "x", "filters": {"date_from": "hôm qua"}}, 422),
        ("/api/search", {"query": "hồ sơ", "k": 0}, 422),
        ("/api/ask", {"question": "a" * 100_001}, 422),
    ],
)
def test_bad_requests_get_a_json_4xx(app_url, path, body, status):
    response = httpx.post(f"{app_url}{path}", json=body, timeout=60)
    assert response.status_code == status
    assert response.json()["error"] and "Traceback" not in response.text


def test_malformed_json_body(app_url):
    response = httpx.post(f"{app_url}/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and "error" in response.json()


def test_named_gradio_endpoint(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    payload = client.predict("Quận Nam Từ Liêm tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", api_name="/ask")
    assert "98.840" in payload["answer"] and payload["citations"]


def test_auth_protects_app_and_api(tmp_path):
    with running_app(tmp_path / "data", CQDT_AUTH_USERNAME="canbo", CQDT_AUTH_PASSWORD="matkhau") as url:
        assert httpx.get(f"{url}/api/health").status_code == 401
        assert httpx.get(f"{url}/api/health", auth=("canbo", "matkhau")).status_code == 200
