using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Issue 8's whole story in the browser, every page checked with axe-core at desktop and phone width: a citizen finds
/// the household business registration by typing without diacritics, signs in through the built-in identity
/// provider and applies online with uploads; the one-stop officer receives it and prints slip 01; a specialist asks for
/// a supplement; the citizen supplements; the fees are asked and recorded; the leader signs the result with its file;
/// the result is returned; the citizen follows each step on the timeline and downloads the result. A walk-in dossier is
/// received at the counter.
/// </summary>
public sealed class DossierJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Procedure = "Đăng ký thành lập hộ kinh doanh";
    private const string IdentityPapers = "Bản sao giấy tờ pháp lý của cá nhân là chủ hộ kinh doanh";

    [Fact]
    public async Task HouseholdBusiness_FromSearchToReturnedResult_EveryStepInTheBrowser()
    {
        var personalId = await portal.CreateCitizenAsync("Phạm Thị Hồng Nhung");
        var oneStop = await TestOfficers.CreateAsync(portal.Host, "hanh-trinh-mot-cua", "Trần Văn Đức", OfficerRole.OneStopOfficer, PortalFixture.Ward);
        var specialist = await TestOfficers.CreateAsync(portal.Host, "hanh-trinh-chuyen-vien", "Lê Thu Hương", OfficerRole.Specialist, PortalFixture.Ward);
        var feeOfficer = await TestOfficers.CreateAsync(portal.Host, "hanh-trinh-thu-phi", "Đỗ Minh Tâm", OfficerRole.FeeOfficer, PortalFixture.Ward);
        var leader = await TestOfficers.CreateAsync(portal.Host, "hanh-trinh-lanh-dao", "Nguyễn Văn Hải", OfficerRole.UnitLeader, PortalFixture.Ward);

        // The citizen searches without diacritics, opens the procedure and signs in to apply.
        var citizen = await portal.NewPageAsync();
        await citizen.GotoAsync("/");
        await PortalPages.CheckAsync(citizen, "journey-home");
        await citizen.GetByLabel("Tên thủ tục, lĩnh vực hoặc giấy tờ").FillAsync("dang ky ho kinh doanh");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".procedure-list li").First.GetByRole(AriaRole.Link)).ToHaveTextAsync(Procedure);
        await PortalPages.CheckAsync(citizen, "journey-search");
        await citizen.Locator(".procedure-list li").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Procedure);
        await PortalPages.CheckAsync(citizen, "journey-procedure");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();

        await citizen.GetByLabel("Số định danh cá nhân").FillAsync(personalId);
        await citizen.GetByLabel("Mật khẩu").FillAsync(PortalFixture.Password);
        await PortalPages.CheckAsync(citizen, "journey-sign-in");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await PortalPages.CheckAsync(citizen, "journey-consent");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Đồng ý" }).ClickAsync();
        await citizen.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/nop-ho-so/dang-ky-ho-kinh-doanh");

        // The application: result delivered online, the e-form prefilled from the identity, two uploads, submit.
        await citizen.GetByLabel("Nhận bản điện tử trên cổng dịch vụ công").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("[data-form-view]")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(citizen.GetByLabel("Họ, chữ đệm và tên").First).ToHaveValueAsync("Phạm Thị Hồng Nhung");
        await PortalPages.FillHouseholdBusinessFormAsync(citizen);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Lưu tờ khai" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu tờ khai.");
        await PortalPages.UploadComponentsAsync(citizen, ("giay-de-nghi", "Giấy đề nghị đăng ký hộ kinh doanh"), ("giay-to-tuy-than", IdentityPapers));
        await PortalPages.CheckAsync(citizen, "journey-draft");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("dossier-status")).ToHaveTextAsync("Mới đăng ký");
        var dossierId = Guid.Parse(new Regex("/portal/ho-so/([0-9a-f-]{36})").Match(citizen.Url).Groups[1].Value);

        // The one-stop officer claims the receipt step from the inbox, receives the dossier and prints slip 01.
        var desk = await portal.OfficerPageAsync(oneStop, "/workspace");
        await ClaimAndOpenAsync(desk, "Tiếp nhận, kiểm tra hồ sơ", "Phạm Thị Hồng Nhung", "journey-inbox-one-stop");
        await PortalPages.CheckAsync(desk, "journey-task-receive");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành bước: Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("step-done")).ToContainTextAsync("Tiếp nhận");
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        var code = await StoredAsync(db => db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Code).SingleAsync());
        Assert.Matches($"^{Regex.Escape(PortalFixture.Ward)}-\\d{{6}}-\\d{{4}}$", code);
        await Assertions.Expect(desk.GetByTestId("dossier-summary")).ToContainTextAsync(code!);
        await PortalPages.CheckAsync(desk, "journey-dossier-received");
        await AssertPdfAsync(desk, desk.GetByRole(AriaRole.Link, new() { Name = "Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả" }));

        // The specialist finds the identity papers unreadable and asks for a supplement (form 02), then sends the notice.
        var office = await portal.OfficerPageAsync(specialist, "/workspace");
        await ClaimAndOpenAsync(office, "Thẩm định hồ sơ đăng ký hộ kinh doanh", code!, "journey-inbox-specialist");
        await Assertions.Expect(office.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await office.GetByRole(AriaRole.Radio, new() { Name = "Chưa đủ điều kiện", Exact = true }).CheckAsync();
        await office.GetByLabel("Ý kiến thẩm định").FillAsync("Bản sao căn cước không đọc được số định danh.");
        await office.GetByLabel("Lý do chưa đủ điều kiện").FillAsync("Cần bản sao rõ nét.");
        await office.GetByLabel("Thành phần cần bổ sung 1").SelectOptionAsync("giay-to-tuy-than");
        await office.GetByLabel("Lý do bổ sung 1").FillAsync("Bản sao không đọc được số định danh cá nhân.");
        await office.GetByLabel("Hướng dẫn cho người nộp (không bắt buộc)").FillAsync("Nộp lại bản sao rõ nét, đủ hai mặt.");
        await PortalPages.CheckAsync(office, "journey-task-appraise");
        await office.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu bổ sung" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("step-done")).ToContainTextAsync("Yêu cầu bổ sung");
        await AssertPdfAsync(office, office.GetByRole(AriaRole.Link, new() { Name = "Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" }));
        await office.GotoAsync("/workspace");
        await ClaimAndOpenAsync(office, "Lập thông báo yêu cầu sửa đổi, bổ sung hồ sơ", code!, null);
        await SendSupplementNoticeAsync(office);
        await Assertions.Expect(office.GetByTestId("dossier-status")).ToContainTextAsync("Yêu cầu bổ sung giấy tờ");

        // The citizen sees the request on the dossier's page and sends a readable copy.
        await citizen.GotoAsync($"/portal/ho-so/{dossierId:D}");
        await Assertions.Expect(citizen.GetByTestId("dossier-status")).ToHaveTextAsync("Yêu cầu bổ sung giấy tờ");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Bản sao không đọc được số định danh cá nhân.");
        await PortalPages.CheckAsync(citizen, "journey-supplement-asked");
        await citizen.GetByLabel("Chọn tệp cho " + IdentityPapers).SetInputFilesAsync(PortalPages.Pdf("cccd-ro-net.pdf"));
        await citizen.Locator("form:has(#file-giay-to-tuy-than)").GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("cccd-ro-net.pdf");
        await citizen.GetByLabel("Ghi chú gửi cơ quan (không bắt buộc)").FillAsync("Đã nộp bản sao rõ nét.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ bổ sung" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi hồ sơ bổ sung.");
        await Assertions.Expect(citizen.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");

        // The specialist finds it complete now.
        await office.GotoAsync("/workspace");
        await ClaimAndOpenAsync(office, "Thẩm định hồ sơ đăng ký hộ kinh doanh", code!, null);
        await Assertions.Expect(office.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await office.GetByRole(AriaRole.Radio, new() { Name = "Đủ điều kiện", Exact = true }).CheckAsync();
        await office.GetByLabel("Ý kiến thẩm định").FillAsync("Hồ sơ đầy đủ, hợp lệ sau khi bổ sung.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành bước: Hợp lệ" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("step-done")).ToContainTextAsync("Hợp lệ");

        // The fee officer asks for the fee (the procedure's 50.000 đồng) and records the receipt.
        var fees = await portal.OfficerPageAsync(feeOfficer, "/workspace");
        await ClaimAndOpenAsync(fees, "Thông báo nộp phí, lệ phí", code!, "journey-inbox-fees");
        await fees.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu nộp phí" }).ClickAsync();
        await Assertions.Expect(fees.GetByTestId("dossier-status")).ToContainTextAsync("Yêu cầu thực hiện nghĩa vụ tài chính");
        await RecordPaymentAsync(fees);
        await Assertions.Expect(fees.GetByTestId("dossier-status")).ToContainTextAsync("Đang xử lý");

        // The tax code comes back from the tax authority (its simulator) in a background job; then the leader signs.
        await WaitForOpenStepAsync(dossierId, "sign");
        var signer = await portal.OfficerPageAsync(leader, $"/workspace/dossiers/{dossierId:D}");
        var results = signer.GetByTestId("result-files");
        await results.Locator("#result-file").SetInputFilesAsync(PortalPages.Pdf("giay-chung-nhan-hkd.pdf"));
        await results.GetByTestId("result-upload").ClickToNavigateAsync(signer, new Regex("saved=result-file"));
        await Assertions.Expect(signer.GetByTestId("result-files")).ToContainTextAsync("giay-chung-nhan-hkd.pdf");
        await signer.GotoAsync("/workspace");
        await ClaimAndOpenAsync(signer, "Ký giấy chứng nhận đăng ký hộ kinh doanh", code!, "journey-inbox-leader");
        await signer.GetByLabel("Số, ký hiệu văn bản").FillAsync("15/GCN-HKD");
        await signer.GetByLabel("Người ký").FillAsync("Nguyễn Văn Hải");
        await signer.GetByLabel("Ngày ký").FillAsync(DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await signer.GetByLabel("Trích yếu (không bắt buộc)").FillAsync("Giấy chứng nhận đăng ký hộ kinh doanh");
        await PortalPages.CheckAsync(signer, "journey-task-sign");
        await signer.GetByRole(AriaRole.Button, new() { Name = "Ký và ghi nhận kết quả" }).ClickAsync();
        await Assertions.Expect(signer.GetByTestId("dossier-status")).ToHaveTextAsync("Đã xử lý xong");

        // The one-stop officer returns the result electronically.
        await desk.GotoAsync("/workspace");
        await ClaimAndOpenAsync(desk, "Trả kết quả", code!, null);
        await Assertions.Expect(desk.GetByLabel("Hình thức trả")).ToHaveValueAsync("online");
        await PortalPages.CheckAsync(desk, "journey-task-return");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đã trả kết quả");
        await PortalPages.CheckAsync(desk, "journey-dossier-returned");

        // The citizen follows each step on the timeline and downloads the result.
        await citizen.GotoAsync($"/portal/ho-so/{dossierId:D}");
        await Assertions.Expect(citizen.GetByTestId("dossier-status")).ToHaveTextAsync("Đã trả kết quả");
        var timeline = citizen.GetByTestId("timeline");
        foreach (var step in new[]
                 {
                     "Hồ sơ đã được nộp trực tuyến", "Hồ sơ đã được tiếp nhận", "Cơ quan yêu cầu bổ sung giấy tờ", "Đã gửi giấy tờ bổ sung",
                     "Cơ quan yêu cầu nộp phí, lệ phí: 50.000 đồng", "Đã ghi nhận việc nộp phí, lệ phí", "Văn bản số 15/GCN-HKD", "Đã trả kết quả",
                 })
        {
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        }
        await PortalPages.CheckAsync(citizen, "journey-citizen-returned");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Link, new() { Name = "giay-chung-nhan-hkd.pdf" }).ClickAsync());
        Assert.Equal("giay-chung-nhan-hkd.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(saved!)).AsSpan(0, 4)));
        Assert.Equal(
            [1, 2, 4, 5, 4, 6, 4, 9, 10],
            await StoredAsync(db => db.DossierEvents.Where(e => e.DossierId == dossierId && e.Kind == "status").OrderBy(e => e.Id).Select(e => e.Status!.Value).ToListAsync()));
    }

    [Fact]
    public async Task WalkIn_ReceivedAtTheCounter_GetsCodeAndSlip01()
    {
        var oneStop = await TestOfficers.CreateAsync(portal.Host, "quay-mot-cua", "Vũ Thị Hà", OfficerRole.OneStopOfficer, PortalFixture.Ward);
        var desk = await portal.OfficerPageAsync(oneStop, "/workspace/tiep-nhan");
        await PortalPages.CheckAsync(desk, "journey-counter");
        await desk.GetByLabel("Thủ tục, trường hợp").SelectOptionAsync("cap-ban-sao-trich-luc-ho-tich|mac-dinh");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Chọn", Exact = true }).ClickAsync();
        await desk.Locator("#counter-fullName").FillAsync("Bùi Văn Khánh");
        await desk.Locator("#counter-idNumber").FillAsync("015090006789");
        await WorkspaceCounterTests.FillCivilStatusCopyFormAsync(desk, "Bùi Văn Khánh");
        await PortalPages.CheckAsync(desk, "journey-counter-filled");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ" }).ClickAsync();

        await Assertions.Expect(desk).ToHaveURLAsync(new Regex("/workspace/tiep-nhan/[0-9a-f-]{36}$"));
        await desk.Locator("#file-to-khai").SetInputFilesAsync(PortalPages.Pdf("to-khai.pdf"));
        await desk.Locator("#file-giay-to-tuy-than").SetInputFilesAsync(PortalPages.Pdf("cccd.pdf"));
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tải lên 2 tệp.");
        await PortalPages.CheckAsync(desk, "journey-counter-scanned");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(desk.GetByTestId("received-code")).ToHaveTextAsync(new Regex($"^{Regex.Escape(PortalFixture.Ward)}-\\d{{6}}-\\d{{4}}$"));
        await PortalPages.CheckAsync(desk, "journey-counter-received");
        await AssertPdfAsync(desk, desk.GetByRole(AriaRole.Link, new() { Name = "In giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)" }));
    }

    /// <summary>In the inbox, claims the step <paramref name="step"/> of the dossier shown with <paramref name="dossierText"/> (code or applicant) and opens it.</summary>
    private static async Task ClaimAndOpenAsync(IPage page, string step, string dossierText, string? screenshot)
    {
        var row = page.GetByTestId("task").Filter(new() { HasText = dossierText }).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        if (screenshot is not null)
        {
            await PortalPages.CheckAsync(page, screenshot);
        }
        await row.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Xử lý" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Xử lý" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(step);
        await Assertions.Expect(page.GetByTestId("task-holder")).ToHaveTextAsync("Bạn");
    }

    /// <summary>The supplement notice step (form <c>yeu-cau-bo-sung-ho-so</c>): one item, the guiding officer and phone, then "sent".</summary>
    private static async Task SendSupplementNoticeAsync(IPage page)
    {
        var form = page.GetByTestId("form-view");
        await Assertions.Expect(form).ToHaveAttributeAsync("data-state", "ready");
        await form.GetByLabel("Tên thành phần hồ sơ").FillAsync(IdentityPapers);
        await form.GetByLabel("Yêu cầu").Locator("xpath=..").ClickAsync();
        await form.Locator(".fjs-dropdownlist-item", new() { HasText = "Thay thế" }).ClickAsync();
        await form.GetByLabel("Lý do").FillAsync("Bản sao không đọc được số định danh cá nhân.");
        await form.GetByLabel("Cán bộ hướng dẫn").FillAsync("Lê Thu Hương");
        await form.GetByLabel("Điện thoại liên hệ").FillAsync("+84214382000");
        await PortalPages.CheckAsync(page, "journey-task-notice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành bước: Đã gửi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Đã gửi");
    }

    /// <summary>On the dossier page the fee officer records the receipt of the requested fee.</summary>
    private static async Task RecordPaymentAsync(IPage page)
    {
        var payments = page.GetByTestId("payments");
        await Assertions.Expect(payments).ToContainTextAsync("50.000");
        await PortalPages.CheckAsync(page, "journey-dossier-payment");
        await payments.Locator("#payment-method").SelectOptionAsync("transfer");
        await payments.Locator("#payment-receipt").FillAsync("BL-0001");
        await payments.GetByTestId("payment-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("payment-state")).ToContainTextAsync("BL-0001");
    }

    private static async Task AssertPdfAsync(IPage page, ILocator link)
    {
        var response = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.BodyAsync()).AsSpan(0, 4)));
    }

    /// <summary>Waits (polling the database, at most 60 s) until the dossier's step <paramref name="elementId"/> is open: a background job runs before it.</summary>
    private async Task WaitForOpenStepAsync(Guid dossierId, string elementId)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var open = await StoredAsync(db => (from d in db.Dossiers
                                                join t in db.UserTasks on d.ProcessInstanceId equals t.InstanceId
                                                where d.Id == dossierId && t.Status == "open" && t.ElementId == elementId
                                                select t.Id).AnyAsync());
            if (open)
            {
                return;
            }
            await Task.Delay(250);
        }
        var incidents = await StoredAsync(db => (from d in db.Dossiers
                                                 join i in db.Incidents on d.ProcessInstanceId equals i.InstanceId
                                                 where d.Id == dossierId
                                                 select i.ElementId + ": " + i.Message).ToListAsync());
        var openSteps = await StoredAsync(db => (from d in db.Dossiers
                                                 join t in db.UserTasks on d.ProcessInstanceId equals t.InstanceId
                                                 where d.Id == dossierId && t.Status == "open"
                                                 select t.ElementId).ToListAsync());
        Assert.Fail($"The step {elementId} did not open within 60 s; open steps: [{string.Join(", ", openSteps)}]; incidents: [{string.Join("; ", incidents)}]");
    }

    private async Task<T> StoredAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
