using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>The public side of the portal: search from the home page, the catalogue's filters, a procedure's page.</summary>
public sealed class PortalCatalogueTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string HouseholdBusiness = "Đăng ký thành lập hộ kinh doanh";

    [Fact]
    public async Task HomeSearch_WithoutDiacritics_FindsTheProcedureAndShowsItsPage()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await PortalPages.CheckAsync(page, "home");

        await page.GetByLabel("Tên thủ tục, lĩnh vực hoặc giấy tờ").FillAsync("dang ky ho kinh doanh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thủ tục hành chính");
        var first = page.Locator(".procedure-list li").First;
        await Assertions.Expect(first.GetByRole(AriaRole.Link)).ToHaveTextAsync(HouseholdBusiness);
        await PortalPages.CheckAsync(page, "catalogue");

        await first.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(HouseholdBusiness);
        var main = page.Locator("main");
        await Assertions.Expect(page.GetByTestId("online-level")).ToHaveTextAsync("Dịch vụ công trực tuyến toàn trình");
        await Assertions.Expect(main).ToContainTextAsync("Nộp trực tuyến: 3 ngày làm việc");
        await Assertions.Expect(main).ToContainTextAsync("50.000 đồng");
        await Assertions.Expect(main).ToContainTextAsync("Bản sao giấy tờ pháp lý của cá nhân là chủ hộ kinh doanh");
        await Assertions.Expect(main).ToContainTextAsync("Luật Doanh nghiệp số 59/2020/QH14");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" })).ToHaveAttributeAsync("href", "portal/nop-ho-so/dang-ky-ho-kinh-doanh");
        await PortalPages.CheckAsync(page, "procedure");
    }

    [Fact]
    public async Task Catalogue_LevelFilter_KeepsOnlyProceduresOfThatLevel()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/thu-tuc?q=ho+kinh+doanh");
        await Assertions.Expect(page.Locator(".procedure-list")).ToContainTextAsync(HouseholdBusiness);

        await page.GetByLabel("Cấp thực hiện").SelectOptionAsync("province");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Cấp thực hiện")).ToHaveValueAsync("province");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(HouseholdBusiness);
    }

    [Fact]
    public async Task ProcedurePage_UnknownKey_SaysItIsNotFound()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/thu-tuc/khong-co-thu-tuc-nay");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy thủ tục");
    }

    [Fact]
    public async Task Lookup_WrongCode_SaysNotFoundWithoutTellingWhichPartIsWrong()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/tra-cuu?ma=000.21.30.H38-261102-0001");
        await Assertions.Expect(page.GetByLabel("Mã hồ sơ")).ToHaveValueAsync("000.21.30.H38-261102-0001");
        await PortalPages.CheckAsync(page, "lookup");

        await page.GetByLabel("Mã tra cứu").FillAsync("ABCD2345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này.");
        await PortalPages.CheckAsync(page, "lookup-not-found");
    }
}
