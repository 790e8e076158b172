using PublicServicesBpm.Host.Features.Slips;

namespace PublicServicesBpm.IntegrationTests.Slips;

/// <summary>Realistic slips of a commune's one-stop section, and the repository's templates.</summary>
internal static class SlipSamples
{
    public static readonly Uri PublicBaseUrl = new("https://dichvucong.example.gov.vn/");

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly SlipAgency Agency = new(
        "Ủy ban nhân dân phường Ba Đình", "THÀNH PHỐ HÀ NỘI", "Hà Nội", "Số 12 phố Đội Cấn, phường Ba Đình, Hà Nội", "024 3843 1234");

    public static readonly SlipApplicant Applicant = new(
        "Nguyễn Thị Hồng Nhung", "001190012345", "Số 5 ngõ 8 phố Liễu Giai, phường Ba Đình, Hà Nội", "0912 345 678", "nhung.nth@example.vn");

    public static SlipTemplates Templates() => SlipTemplates.Load(Path.Combine(RepositoryRoot(), "slips"));

    public static SlipDocuments Documents() => new(Templates(), PublicBaseUrl);

    public static ReceiptSlip Receipt(int components = 3) => new(
        Agency, "000.00.06.H56-231027-0361", "K7Q2-M9XA", Applicant, "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
        [.. Enumerable.Range(1, components).Select(i => new SlipComponent(ComponentNames[(i - 1) % ComponentNames.Length], 1, i % 2, 0))],
        "03 ngày làm việc", new DateTimeOffset(2023, 10, 27, 9, 15, 0, Vietnam), new DateTimeOffset(2023, 11, 1, 16, 30, 0, Vietnam),
        "Bộ phận Một cửa, Ủy ban nhân dân phường Ba Đình", "Trần Văn Đức", new DateTimeOffset(2023, 10, 27, 9, 16, 0, Vietnam));

    public static readonly string[] ComponentNames =
    [
        "Tờ khai đăng ký khai sinh theo mẫu",
        "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp",
        "Giấy tờ chứng minh nơi cư trú của người yêu cầu đăng ký khai sinh",
        "Văn bản ủy quyền được chứng thực theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh",
    ];

    public static SupplementationRequestSlip Supplementation() => new(
        Agency, "000.00.06.H56-231027-0361", Applicant, "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
        [new("Giấy chứng sinh", "Bản chụp bị mờ, không đọc được họ tên người mẹ; nộp bản chính."), new("Văn bản ủy quyền", "Chưa được chứng thực chữ ký.")],
        "Lê Thu Hương", "024 3843 1235", new DateTimeOffset(2023, 10, 28, 8, 40, 0, Vietnam));

    public static RefusalSlip Refusal() => new(
        Agency, null, Applicant, "Cấp bản sao trích lục hộ tịch",
        "Việc hộ tịch đã đăng ký tại Ủy ban nhân dân quận Hoàn Kiếm; đề nghị ông/bà nộp hồ sơ tại cơ quan đã đăng ký.",
        "Trần Văn Đức", new DateTimeOffset(2023, 10, 27, 10, 5, 0, Vietnam));

    public static ApologySlip Apology() => new(
        Agency, "000.00.06.H56-231027-0361", Applicant, "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
        new DateTimeOffset(2023, 10, 27, 9, 15, 0, Vietnam), new DateTimeOffset(2023, 11, 1, 16, 30, 0, Vietnam),
        "Phòng Tư pháp", "Cần xác minh thông tin nơi sinh với cơ sở y tế.", new DateTimeOffset(2023, 11, 6, 10, 0, 0, Vietnam),
        "Phạm Quốc Khánh", new DateTimeOffset(2023, 11, 1, 14, 0, 0, Vietnam));

    public static ControlSheet Control() => new(
        Agency, "000.00.06.H56-231027-0361", Applicant, "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
        new DateTimeOffset(2023, 10, 27, 9, 15, 0, Vietnam), new DateTimeOffset(2023, 11, 1, 16, 30, 0, Vietnam),
        [
            new("Bộ phận Một cửa — Trần Văn Đức", "Công chức tư pháp — hộ tịch", new DateTimeOffset(2023, 10, 27, 9, 30, 0, Vietnam), new DateTimeOffset(2023, 10, 27, 9, 45, 0, Vietnam), "Đã thẩm định, đủ điều kiện", null),
            new("Công chức tư pháp — hộ tịch", "Chủ tịch UBND phường", new DateTimeOffset(2023, 10, 30, 14, 0, 0, Vietnam), null, null, "Trình ký"),
        ],
        new DateTimeOffset(2023, 10, 30, 15, 0, 0, Vietnam));

    public static DossierRegister Register(int entries) => new(
        Agency, new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 31), "Tất cả trạng thái",
        [.. Enumerable.Range(1, entries).Select(i => new RegisterEntry(
            $"000.00.06.H56-2310{(i % 28) + 1:00}-{i:0000}", "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
            i == 1 ? "Nguyễn Thị Hồng Nhung" : $"Người nộp số {i}", "Phường Ba Đình, Hà Nội", "0912 345 678",
            new DateTimeOffset(2023, 10, (i % 28) + 1, 9, 15, 0, Vietnam), new DateTimeOffset(2023, 10, (i % 28) + 1, 16, 30, 0, Vietnam).AddDays(3),
            i % 2 == 0 ? new DateTimeOffset(2023, 10, (i % 28) + 1, 10, 0, 0, Vietnam).AddDays(2) : null, "Trần Văn Đức", null))],
        new DateTimeOffset(2023, 11, 1, 8, 0, 0, Vietnam));

    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
