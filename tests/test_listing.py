from answering.listing import list_item, numbered_lists, ordinal_asked

TEXT = (
    "Đồng chí Bí thư yêu cầu tập trung 3 nhiệm vụ:\n"
    "1. Bám sát sự chỉ đạo của Thành phố.\n"
    "2. Đổi mới phương thức lãnh đạo.\n"
    "3. Phát huy vai trò của MTTQ.\n"
    "Tại hội nghị, quận khen thưởng 11 tập thể.\n"
    "Kết luận đối thoại:\n"
    "1. Văn phòng tổng hợp ý kiến.\n"
    "2. UBND phường trả lời kiến nghị.\n"
)


def test_the_item_asked_for_by_its_place_in_a_list():
    assert ordinal_asked("nội dung thứ năm là gì?").n == 5
    assert ordinal_asked("Nhiệm vụ thứ tư là gì vậy?").noun == "Nhiệm vụ"
    assert ordinal_asked("Cái thứ hai?").n == 2 and ordinal_asked("Cái thứ hai?").noun == ""
    assert ordinal_asked("con thu ba thi sao").n == 3
    # A rank, or a question asking something of the item rather than for it, is not.
    assert ordinal_asked("Nam Từ Liêm đứng thứ mấy?") is None
    assert ordinal_asked("Năm 2022 quận xếp thứ 2 trên 30 quận, đúng không?") is None
    assert ordinal_asked("Trong nhiệm vụ thứ tư, ông ấy yêu cầu triển khai đề án nào?") is None


def test_a_numbered_list_is_found_where_the_passage_asked_about_falls():
    lists = numbered_lists(TEXT)
    assert [len(items) for items in lists] == [3, 2]
    first_intro = (0, TEXT.index("\n"))
    start, end = list_item(TEXT, 3, first_intro)
    assert TEXT[start:end] == "Phát huy vai trò của MTTQ."
    second_intro = (TEXT.index("Kết luận"), TEXT.index("Kết luận") + 18)
    start, end = list_item(TEXT, 2, second_intro)
    assert TEXT[start:end] == "UBND phường trả lời kiến nghị."
    assert list_item(TEXT, 3, second_intro) is None  # that list has two items
    later = TEXT + "Đoạn khác. " * 80
    assert list_item(later, 1, (len(later) - 10, len(later))) is None  # no list there
