using Coaching.Domain;

namespace Coaching.Tests.Domain;

public class PageOfTests
{
    static readonly IReadOnlyList<int> Five = [1, 2, 3, 4, 5];

    [Theory]
    [InlineData(1, new[] { 1, 2 }, 1, 2, false, true)]
    [InlineData(2, new[] { 3, 4 }, 3, 4, true, true)]
    [InlineData(3, new[] { 5 }, 5, 5, true, false)]
    [InlineData(99, new[] { 5 }, 5, 5, true, false)]   // past the last: the last
    [InlineData(0, new[] { 1, 2 }, 1, 2, false, true)]  // before the first: the first
    [InlineData(-4, new[] { 1, 2 }, 1, 2, false, true)]
    public void A_page_holds_its_items_and_says_where_it_is(int asked, int[] items, int first, int last, bool previous, bool next)
    {
        var page = PageOf<int>.Of(Five, asked, 2);

        Assert.Equal(items, page.Items);
        Assert.Equal((first, last, 3, 5), (page.First, page.Last, page.Pages, page.Total));
        Assert.Equal((previous, next), (page.HasPrevious, page.HasNext));
    }

    [Fact]
    public void An_empty_list_is_one_empty_page()
    {
        var page = PageOf<int>.Of([], 3, 50);

        Assert.Empty(page.Items);
        Assert.Equal((1, 1, 0, 0, false, false), (page.Number, page.Pages, page.First, page.Last, page.HasPrevious, page.HasNext));
    }

    [Fact]
    public void A_page_has_room_for_one_item_at_least() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PageOf<int>.Of(Five, 1, 0));
}
