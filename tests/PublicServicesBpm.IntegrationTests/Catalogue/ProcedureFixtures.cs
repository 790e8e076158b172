using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>procedure.json documents for the catalogue tests, in the agreed format (version 1), built as JSON nodes.</summary>
public static class ProcedureFixtures
{
    public const string Commune = "000.21.30.H38";
    public const string Justice = "000.00.11.H38";

    /// <summary>A valid document; callers change what their test is about.</summary>
    public static JsonObject Document(
        string key, string name, string nationalCode = "1.001193", string sector = "ho-tich", string level = "commune", string onlineLevel = "full-process",
        string agency = Commune, string effectiveFrom = "2025-07-01", string componentName = "Tờ khai", int days = 1, bool sameDay = false) =>
        new()
        {
            ["$comment"] = "Test data.",
            ["key"] = key,
            ["nationalCode"] = nationalCode,
            ["name"] = name,
            ["nameEn"] = "English name of " + key,
            ["sectorCode"] = sector,
            ["level"] = level,
            ["agencies"] = new JsonArray(agency),
            ["onlineLevel"] = onlineLevel,
            ["publication"] = new JsonObject { ["decision"] = "Quyết định số 1234/QĐ-UBND ngày 01/07/2025 của UBND tỉnh Lào Cai", ["effectiveFrom"] = effectiveFrom },
            ["legalBasis"] = new JsonArray("Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP"),
            ["result"] = "Kết quả của " + name,
            ["restartTimeLimitAfterSupplement"] = false,
            ["cases"] = new JsonArray(new JsonObject
            {
                ["code"] = "mac-dinh",
                ["name"] = name,
                ["nameEn"] = "Default case",
                ["workflow"] = key,
                ["timeLimits"] = new JsonArray(
                    new JsonObject { ["channel"] = "counter", ["value"] = days, ["unit"] = "working-days", ["sameDay"] = sameDay },
                    new JsonObject { ["channel"] = "online", ["value"] = days, ["unit"] = "working-days", ["sameDay"] = sameDay }),
                ["fees"] = new JsonArray(new JsonObject
                {
                    ["code"] = "le-phi", ["name"] = "Lệ phí", ["nameEn"] = "Fee", ["amount"] = 8000, ["currency"] = "VND", ["per"] = "copy",
                    ["channels"] = new JsonArray("counter", "online"), ["setBy"] = "province",
                }),
                ["components"] = new JsonArray(
                    new JsonObject { ["code"] = "to-khai", ["name"] = componentName, ["required"] = true, ["originals"] = 1, ["certifiedCopies"] = 0, ["copies"] = 0, ["documentType"] = "to-khai" },
                    new JsonObject { ["code"] = "giay-to-tuy-than", ["name"] = "Giấy tờ tùy thân", ["required"] = true, ["originals"] = 0, ["certifiedCopies"] = 0, ["copies"] = 1 }),
            }),
        };

    /// <summary>The procedures the fixture's workflows folder holds, imported at start-up.</summary>
    public static IReadOnlyList<JsonObject> Folder { get; } =
    [
        Document("dang-ky-khai-sinh", "Đăng ký khai sinh", sameDay: true),
        Document("dang-ky-lai-khai-sinh", "Đăng ký lại khai sinh", nationalCode: "1.004884"),
        Document("cap-ban-sao-trich-luc-ho-tich", "Cấp bản sao trích lục hộ tịch", nationalCode: "2.000635", componentName: "Bản sao trích lục khai sinh"),
        Document("cap-phieu-ly-lich-tu-phap", "Cấp Phiếu lý lịch tư pháp", nationalCode: "2.001417", sector: "ly-lich-tu-phap", level: "province",
            onlineLevel: "partial", agency: Justice, days: 10),
    ];

    public static void WriteFolder(string directory)
    {
        foreach (var document in Folder)
        {
            var key = document["key"]!.GetValue<string>();
            Directory.CreateDirectory(Path.Combine(directory, key));
            File.WriteAllText(Path.Combine(directory, key, "procedure.json"), document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
