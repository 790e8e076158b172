using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// (e) Procedure search (P11) on 10,000 generated published procedures: the catalogue's own query
/// (<see cref="ProcedureSearch"/>) for typical citizen queries without diacritics, against a same-run baseline —
/// a plain lookup of one procedure by its key through the primary-key index. Prints the plan of one search.
/// </summary>
internal sealed class CatalogueSearchBenchmark(Probe probe, int operations)
{
    public const int Procedures = 10_000;

    private static readonly string[] Queries = ["dang ky khai sinh", "cap giay phep xay dung", "ly lich tu phap", "ho kinh doanh", "trich luc"];
    private static readonly string[] Verbs = ["Đăng ký", "Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Thu hồi", "Xác nhận", "Chứng thực", "Thẩm định", "Phê duyệt"];
    private static readonly string[] Objects =
    [
        "khai sinh", "kết hôn", "khai tử", "giấy phép xây dựng nhà ở", "phiếu lý lịch tư pháp", "hộ kinh doanh", "trích lục hộ tịch",
        "giấy chứng nhận quyền sử dụng đất", "giấy phép lái xe", "chứng chỉ hành nghề", "giấy phép kinh doanh rượu", "nuôi con nuôi",
    ];
    private static readonly string[] Sectors = ["ho-tich", "chung-thuc", "ly-lich-tu-phap", "ho-kinh-doanh", "hoat-dong-xay-dung", "dat-dai"];
    private static readonly string[] Levels = ["commune", "province", "ministry"];

    public async Task RunAsync()
    {
        await GenerateAsync();
        var search = new ProcedureSearch(probe.DataSource);
        var asOf = new DateOnly(2026, 1, 1);
        await probe.ForWarmUp().MeasureAsync("warm-up", 1, Math.Min(200, operations), i => LookUpAsync(i));
        await probe.ForWarmUp().MeasureAsync("warm-up", 1, Math.Min(200, operations), i => SearchAsync(search, i, asOf));
        var baseline = await probe.MeasureAsync("raw: one procedure by key (PK index)", 1, operations, LookUpAsync);
        await probe.MeasureAsync($"search: 10k procedures, {Queries.Length} queries", 1, operations, i => SearchAsync(search, i, asOf), baseline);
        await probe.MeasureAsync("search: query + sector filter", 1, operations, i => SearchAsync(search, i, asOf, sector: Sectors[i % Sectors.Length]), baseline);
        // Fewer than a page holds every word (a typo): the list falls back to "some words", the slow path.
        await probe.MeasureAsync("search: fallback to some words (typo)", 1, Math.Max(1, operations / 10), i => SearchAsync(search, i, asOf, text: Queries[i % Queries.Length] + " xyzw"), baseline);
        await PrintPlanAsync(asOf);
    }

    private static async Task<bool> SearchAsync(ProcedureSearch search, int i, DateOnly asOf, string? sector = null, string? text = null)
    {
        var page = await search.SearchAsync(new ProcedureSearch.Query(text ?? Queries[i % Queries.Length], null, sector, null, null, 1, asOf), CancellationToken.None);
        return page.Total >= 0;
    }

    private async Task<bool> LookUpAsync(int i)
    {
        await using var command = probe.DataSource.CreateCommand("SELECT national_code FROM app.procedures WHERE key = @key");
        command.Parameters.Add(new NpgsqlParameter<string>("key", "bench-" + (i * 7919 % Procedures).ToString(CultureInfo.InvariantCulture)));
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>10,000 procedures, one published version each, names combining a verb and an object, written with COPY.</summary>
    private async Task GenerateAsync()
    {
        await using var connection = await probe.DataSource.OpenConnectionAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY app.procedures (key, national_code, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Procedures; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Key(i), NpgsqlDbType.Text);
                await writer.WriteAsync(NationalCode(i), NpgsqlDbType.Text);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY app.procedure_versions (id, procedure_key, version, status, national_code, name, sector_code, level, online_level, agency_codes,
              legal_basis, result, publication_decision, effective_from, restart_time_limit_after_supplement, cases, document, content_hash,
              search_name, search_text, created_at, created_by) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < Procedures; i++)
            {
                var name = $"{Verbs[i % Verbs.Length]} {Objects[i / Verbs.Length % Objects.Length]} ({i.ToString(CultureInfo.InvariantCulture)})";
                var text = $"{name} {NationalCode(i)} Thành phần hồ sơ: Tờ khai, Giấy tờ tùy thân, Bản sao {Objects[(i + 3) % Objects.Length]}";
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(Key(i), NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(ProcedureStatuses.Published, NpgsqlDbType.Text);
                await writer.WriteAsync(NationalCode(i), NpgsqlDbType.Text);
                await writer.WriteAsync(name, NpgsqlDbType.Text);
                await writer.WriteAsync(Sectors[i % Sectors.Length], NpgsqlDbType.Text);
                await writer.WriteAsync(Levels[i % Levels.Length], NpgsqlDbType.Text);
                await writer.WriteAsync(i % 2 == 0 ? "full-process" : "partial", NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { "000.21.30.H38" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { "Luật Hộ tịch 2014" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync("Kết quả", NpgsqlDbType.Text);
                await writer.WriteAsync("Quyết định số 1/QĐ-UBND", NpgsqlDbType.Text);
                await writer.WriteAsync(new DateOnly(2025, 7, 1), NpgsqlDbType.Date);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await writer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(i.ToString("x64", CultureInfo.InvariantCulture), NpgsqlDbType.Char);
                await writer.WriteAsync(SearchFolding.Column(name), NpgsqlDbType.Text);
                await writer.WriteAsync(SearchFolding.Column(text), NpgsqlDbType.Text);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("benchmark", NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE app.procedures; ANALYZE app.procedure_versions;", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>EXPLAIN ANALYZE of the search's first phase for one query: the candidates holding every word, counted (the same WHERE clause the search builds).</summary>
    private async Task PrintPlanAsync(DateOnly asOf)
    {
        await using var command = probe.DataSource.CreateCommand("""
            EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
            SELECT count(*) FROM app.procedure_versions v
            WHERE v.status = 'published' AND v.effective_from <= @as_of
              AND (v.procedure_key NOT IN (SELECT l.procedure_key FROM app.procedure_versions l WHERE l.status = 'published' AND l.version > 1)
                   OR NOT EXISTS (SELECT 1 FROM app.procedure_versions n WHERE n.procedure_key = v.procedure_key AND n.status = 'published'
                                  AND n.effective_from <= @as_of AND (n.effective_from, n.version) > (v.effective_from, v.version)))
              AND v.search_vector @@ to_tsquery('simple', 'ly & lich & tu & phap:*')
            """);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("as_of", asOf));
        await using var reader = await command.ExecuteReaderAsync();
        probe.Report.Detail("(e) plan of the procedure search's first phase (every word), 10,000 published procedures, query 'ly lich tu phap':");
        while (await reader.ReadAsync())
        {
            probe.Report.Detail("    " + reader.GetString(0));
        }
    }

    private static string Key(int i) => "bench-" + i.ToString(CultureInfo.InvariantCulture);

    private static string NationalCode(int i) => "9." + i.ToString("000000", CultureInfo.InvariantCulture);
}
