def test_an_anchored_date_says_what_it_was_resolved_against():
    from articles.model import DateMention
    from articles.review.confidence import date_confidence

    title = DateMention("a#p1", 0, 7, "3 March", "2016-03-03", "day", "title")
    assert date_confidence(title) == (0.5, "resolved against the year in the title")
    week = DateMention("a#p1", 0, 9, "last week", "2025-W03", "week", "published")
    assert date_confidence(week) == (0.55, "resolved against the publication date")
    assert week.bounds()[1].isoformat() == "2025-01-19"
