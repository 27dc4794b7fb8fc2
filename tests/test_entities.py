from ingest.entities import districts, document_numbers, places, ward_name, wards


def test_document_numbers_in_their_usual_forms():
    text = (
        "Nghị định số 32/2021/NĐ-CP, ngày 29/3/2021 quy định chi tiết Nghị quyết số 97/2019/QH14; "
        "Kế hoạch số 100/KH-UBND; Nghị quyết số 15-NQ/TU; Quyết định số 2200- QĐ/TU; Công văn số 1824/UBND-NC."
    )
    assert document_numbers(text) == [
        "32/2021/NĐ-CP",
        "97/2019/QH14",
        "100/KH-UBND",
        "15-NQ/TU",
        "2200-QĐ/TU",
        "1824/UBND-NC",
    ]


def test_dates_ratios_and_abbreviations_are_not_document_numbers():
    assert document_numbers("ngày 3/8/2022, giải quyết 593/608 nội dung, các đoàn thể CT-XH, năm 2015-2020") == []


def test_places():
    text = "Cán bộ phường Ngọc Lâm (quận Long Biên) và phường Mỹ Đình 1, quận Nam Từ Liêm; Phó Chủ tịch UBND phường."
    assert districts(text) == ["Long Biên", "Nam Từ Liêm"]
    assert wards(text) == ["phường Ngọc Lâm", "phường Mỹ Đình 1"]
    assert places("Quận ủy Bắc Từ Liêm") == ["Bắc Từ Liêm"]  # not also 'Từ Liêm'-style partial names


def test_a_ward_name_stops_where_a_person_s_name_begins():
    assert wards("Chủ tịch UBND phường Bồ Đề Lưu Ngọc Tiến phát biểu") == ["phường Bồ Đề"]
    assert ward_name("Nguyen Van Luyen") is None  # 'Chủ tịch UBND phường Nguyen Van Luyen': a person
    assert ward_name("Nguyễn Du") == "Nguyễn Du"  # wards are named after people too


def test_a_ward_post_holder_is_no_ward():
    from ingest.entities import wards

    assert wards("báo cáo được trình bày bởi Chủ tịch UBND phường Lưu Ngọc Tiến, phải không?") == []
    assert wards("Chủ tịch UBND phường Bồ Đề Lưu Ngọc Tiến") == ["phường Bồ Đề"]
    assert wards("phường Lê Đại Hành có bao nhiêu tổ dân phố?") == ["phường Lê Đại Hành"]
