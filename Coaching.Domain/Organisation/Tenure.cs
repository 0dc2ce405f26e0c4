namespace Coaching.Domain.Organisation;

/// <summary>How long someone has been with the organisation, said the way people say it.</summary>
public readonly record struct Tenure(int Years, int Months, int Days)
{
    public static Tenure Between(DateOnly hireDate, DateOnly today)
    {
        if (today < hireDate) return new Tenure(0, 0, 0);
        var total = today.DayNumber - hireDate.DayNumber;
        var months = (today.Year - hireDate.Year) * 12 + today.Month - hireDate.Month;
        if (today.Day < hireDate.Day) months--;
        var anniversary = hireDate.AddMonths(months);
        var days = today.DayNumber - anniversary.DayNumber;
        return new Tenure(months / 12, months % 12, days) { TotalDays = total };
    }

    public int TotalDays { get; init; }

    public override string ToString() => (Years, Months, Days) switch
    {
        (0, _, _) when TotalDays < 14 => TotalDays == 1 ? "1 day" : $"{TotalDays} days",
        (0, _, _) when TotalDays < 60 => $"{TotalDays / 7} weeks",
        (0, var m, _) => m == 1 ? "1 month" : $"{m} months",
        (var y, var m, _) when m == 0 => y == 1 ? "1 year" : $"{y} years",
        (var y, var m, _) => $"{(y == 1 ? "1 year" : $"{y} years")} {(m == 1 ? "1 month" : $"{m} months")}",
    };
}
