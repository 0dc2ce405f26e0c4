using Coaching.Domain.Organisation;

namespace Coaching.Tests.Domain;

public class TenureTests
{
    [Theory]
    [InlineData("2026-11-20", "2026-11-25", "5 days")]
    [InlineData("2026-10-01", "2026-11-25", "7 weeks")]
    [InlineData("2026-08-25", "2026-11-25", "3 months")]
    [InlineData("2025-11-25", "2026-11-25", "1 year")]
    [InlineData("2011-09-30", "2026-11-25", "15 years 1 month")]
    [InlineData("2026-12-01", "2026-11-25", "0 days")]
    public void Tenure_reads_the_way_people_say_it(string hired, string today, string expected) =>
        Assert.Equal(expected, Tenure.Between(DateOnly.Parse(hired), DateOnly.Parse(today)).ToString());
}
