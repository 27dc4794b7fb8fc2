"""`cqdt ask` as a real process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data_dir = tmp_path_factory.mktemp("ask") / "data"
    return {**os.environ, "CQDT_DATA_DIR": str(data_dir)}


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cqdt.cli", *args], capture_output=True, text=True, env=env, input=stdin, timeout=600
    )


def test_ask_human_readable_and_json(env):
    out = run(env, "ask", "Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?")
    assert out.returncode == 0, out.stderr
    assert "98.840" in out.stdout and "Nguồn:" in out.stdout and "[1]" in out.stdout
    payload = json.loads(run(env, "ask", "Quận Cầu Giấy có bao nhiêu phường?", "--json").stdout)
    assert payload["abstained"] is True and payload["citations"] == []
    assert {"question", "answer", "retrieved", "timings_ms"} <= set(payload)


def test_ask_batch_with_history_and_bad_lines(env, tmp_path: Path):
    batch = tmp_path / "ask.jsonl"
    rows = [
        {"id": "1", "question": "Ai là Bí thư Quận ủy Nam Từ Liêm?"},
        {
            "id": "2",
            "question": "Còn Long Biên thì sao?",
            "history": [{"role": "user", "content": "Ai là Bí thư Quận ủy Nam Từ Liêm?"}],
        },
        {"id": "3", "question": "Hỏi gì đó", "history": "not a list"},
    ]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8")
    out = run(env, "ask", "--batch", str(batch))
    assert out.returncode == 1  # two bad lines, reported in place
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("id") for r in results] == ["1", "2", "3", None]
    assert "Trần Đức Hoạt" in results[0]["answer"] and "Đường Hoài Nam" in results[1]["answer"]
    assert "error" in results[2] and "error" in results[3]
    assert "Traceback" not in out.stderr
