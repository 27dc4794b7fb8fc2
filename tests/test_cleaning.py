import pytest

from cqdt.settings import DEFAULT_CORPUS_DIR
from ingest.cleaning import clean_text
from ingest.loaders import load_file

from .conftest import SEED_IDS

# Boilerplate present in the raw seed files that must never reach a chunk.
BOILERPLATE = [
    "Đọc thêm",
    "Xem thêm",
    "quét mã QR",
    "Mở Zalo",
    "Theo dõi Pháp luật",
    "Lượt xem",
    "Phiên bản di động",
    "Có thể bạn quan tâm",
    "Phê duyệt điều chỉnh cục bộ quy hoạch",  # related-article teaser line
    "Kiện toàn nhân sự 3 tiểu ban",  # teaser after 'Đọc thêm'
    "Luật Thanh tra",
    "Bạch Dương",  # author byline
    "Cán bộ bộ phận một cửa phường Ngọc Lâm",  # caption printed twice
    "Người dân thực hiện TTHC tại phường Mỹ Đình 1",  # caption printed twice
    "Toàn cảnh hội nghị",
]

EXPECTED_META = {
    "000_4e350c0910f1c9e8.txt": (
        "Quận Long Biên sơ kết 01 năm thực hiện thí điểm tổ chức mô hình chính quyền đô thị",
        "2022-08-05",
        "",
    ),
    "001_a4e1284a5308ad4b.txt": (
        "Nâng cao chất lượng hệ thống chính trị cơ sở: Điểm sáng từ quận Long Biên",
        "2022-01-03",
        "Tuổi trẻ Thủ đô",
    ),
    "002_6749a8ba8db39570.txt": (
        "Quận Nam Từ Liêm, Hà Nội: Thực hiện hiệu quả mô hình chính quyền đô thị",
        "2024-04-26",
        "Pháp luật & Xã hội",
    ),
    "003_249a505a986ba66b.txt": (
        "Quận ủy Long Biên sơ kết thực hiện Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU của Ban Thường vụ Thành ủy",
        "2022-09-08",
        "",
    ),
    "004_693e48c796638abe.txt": (
        "Bồ Đề tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với MTTQ, các tổ chức chính trị - "
        "xã hội và Nhân dân năm 2022",
        "2022-10-02",
        "",
    ),
}


def _clean(doc_id: str):
    return clean_text(load_file(DEFAULT_CORPUS_DIR / doc_id, max_bytes=10**7).text)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_boilerplate_is_removed(doc_id):
    text = _clean(doc_id).text.casefold()
    for phrase in BOILERPLATE:
        assert phrase.casefold() not in text, phrase


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_metadata_is_read_from_the_text(doc_id):
    cleaned = _clean(doc_id)
    assert (cleaned.title, cleaned.date, cleaned.publisher) == EXPECTED_META[doc_id]


def test_article_body_is_kept_whole():
    text = _clean("003_249a505a986ba66b.txt").text
    assert "Sáng 08/9/2022, Quận ủy Long Biên tổ chức hội nghị sơ kết" in text  # a lead without a final period
    assert text.rstrip().endswith("Chỉ thị 15-CT/TU của Ban Thường vụ Thành ủy.")
    body = _clean("001_a4e1284a5308ad4b.txt").text
    assert "TTTĐ - Tinh gọn bộ máy" in body and "Giảm tổng số 406 người hoạt động không chuyên trách" in body


def test_generic_text_without_web_furniture_is_untouched():
    raw = "Báo cáo tổng kết\n\nĐoạn một có dấu chấm.\nĐoạn hai cũng vậy."
    cleaned = clean_text(raw)
    assert cleaned.text == "Báo cáo tổng kết\n\nĐoạn một có dấu chấm.\n\nĐoạn hai cũng vậy."
    assert cleaned.title == "Báo cáo tổng kết" and cleaned.date == ""


def test_legal_header_date_and_title():
    raw = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 100/KH-UBND\nHà Nội, ngày 12 tháng 4 năm 2021\n"
        "KẾ HOẠCH\nThực hiện thí điểm tổ chức mô hình chính quyền đô thị\nI. MỤC ĐÍCH\nNội dung."
    )
    cleaned = clean_text(raw)
    assert cleaned.date == "2021-04-12"
    assert cleaned.title == "Kế hoạch Thực hiện thí điểm tổ chức mô hình chính quyền đô thị"
