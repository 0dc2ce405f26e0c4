using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;

namespace Coaching.Tests.Domain;

public class OrganisationDefaultsTests
{
    [Fact]
    public void A_new_employee_is_active_and_is_called_by_first_and_last_name()
    {
        var ana = new Employee { FirstName = "Ana", LastName = "Ruiz" };
        Assert.True(ana.IsActive);
        Assert.Equal("Ana Ruiz", ana.FullName);
    }

    [Fact]
    public void An_audit_entry_without_details_says_nothing_rather_than_null() =>
        Assert.Equal("", new AuditEntry { UserId = "u", UserName = "Admin", Action = "account.unlock", Subject = "Ana Ruiz" }.Details);

    [Fact]
    public void A_rating_not_yet_synced_has_no_observer_rather_than_null() =>
        Assert.Equal("", new Rating().ObserverUserId);
}
