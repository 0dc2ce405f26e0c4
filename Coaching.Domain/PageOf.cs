namespace Coaching.Domain;

/// <summary>
/// One page of a list that is too long to show at once (a heat map of thousands of teams, every training event): the
/// items on it, which page it is (kept within the pages there are, whatever number was asked for) and how many in all.
/// </summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int Pages => PageCount(Total, Size);
    /// <summary>The position of the first and last item on this page, counted from 1 (0 and 0 for an empty list).</summary>
    public int First => Items.Count == 0 ? 0 : (Number - 1) * Size + 1;
    public int Last => Items.Count == 0 ? 0 : (Number - 1) * Size + Items.Count;
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < Pages;

    public static PageOf<T> Of(IReadOnlyList<T> all, int page, int size)
    {
        var number = Within(page, all.Count, size);
        return new(all.Skip((number - 1) * size).Take(size).ToList(), number, size, all.Count);
    }

    /// <summary>The page asked for, kept between the first and the last there is (a stale or typed page number shows the nearest).</summary>
    public static int Within(int page, int total, int size) => Math.Clamp(page, 1, PageCount(total, size));

    static int PageCount(int total, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Math.Max(1, (total + size - 1) / size);
    }
}
