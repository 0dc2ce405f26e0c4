using Coaching.Domain.Organisation;

namespace Coaching.Tests.Domain;

public class NameSearchTests
{
    [Theory]
    [InlineData("zoe", true)]
    [InlineData("ZOË", true)]
    [InlineData("zoe lukasiewicz", true)]
    [InlineData("  Łukas ", true)]
    [InlineData("", true)]
    [InlineData("zoa", false)]
    public void A_typed_name_matches_whatever_its_case_and_accents(string typed, bool matches) =>
        Assert.Equal(matches, NameSearch.Matches("Zoë Łukasiewicz", typed));

    [Fact]
    public void Letters_without_a_decomposition_fold_too() =>
        Assert.Equal("jose nunez strasse orsted", NameSearch.Fold("José Núñez Straße Ørsted"));
}
