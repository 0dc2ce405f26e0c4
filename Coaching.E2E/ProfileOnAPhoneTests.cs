using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>Employees read their own profile on a phone (390x844): the skills table fits the screen.</summary>
public class ProfileOnAPhoneTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Theory]
    [InlineData("zoe.lukasiewicz@demo.local")]   // an employee on /Me
    [InlineData("manager@demo.local")]           // a manager opening a profile on their phone
    public async Task The_skills_table_fits_a_390_pixel_phone_without_sideways_scrolling(string email)
    {
        var page = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(page, email);
        await page.GotoAsync(email.StartsWith("manager") ? "/Team" : "/Me");
        if (email.StartsWith("manager"))
            await page.GotoAsync(await page.Locator("a[href^='/People/']").First.GetAttributeAsync("href") ?? "/");

        var table = page.Locator(".skills-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int[]>(@"() => {
            const t = document.querySelector('.skills-table');
            const column = t.parentElement, style = getComputedStyle(column);
            const inner = column.getBoundingClientRect().right - parseFloat(style.paddingRight);
            return [document.documentElement.scrollWidth - document.documentElement.clientWidth,
                    Math.ceil(t.getBoundingClientRect().right - inner)];
        }");
        Assert.True(overflow[0] <= 0, $"the page scrolls sideways by {overflow[0]}px");
        Assert.True(overflow[1] <= 0, $"the skills table runs {overflow[1]}px past its column");
        await Assertions.Expect(table.Locator("tbody tr").First.Locator("td").Last).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.Context.CloseAsync();
    }
}
