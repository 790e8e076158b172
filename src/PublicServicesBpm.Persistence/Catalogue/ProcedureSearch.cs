using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// Searches the procedures in force (function P11). The query is folded like the stored columns
/// (<see cref="SearchFolding"/>); each word matches a whole word of the procedure's text, the last one also the start
/// of a word, so "dang ky khai s" finds "Đăng ký khai sinh". Candidates contain at least one query word (word similarity over every row costs a
/// sequential scan, so it only ranks); they rank by: the name contains the whole phrase, every word is in the name, every word is in the text,
/// how many words are found, then trigram word similarity of the name. Trigram GIN indexes (pg_trgm) serve the word
/// matches; see docs/catalogue.md for the plan on 10,000 procedures.
/// </summary>
public sealed class ProcedureSearch(NpgsqlDataSource dataSource)
{
    /// <summary>Procedures per page.</summary>
    public const int PageSize = 20;

    /// <summary>Free text (any case, with or without diacritics), exact-code filters (null = any), 1-based page, the date of "in force".</summary>
    public sealed record Query(string? Text, string? Agency, string? Sector, string? Level, string? OnlineLevel, int Page, DateOnly AsOf);

    /// <summary>One procedure found: its version in force.</summary>
    public sealed record Hit(string Key, int Version, string NationalCode, string Name, string? NameEn, string SectorCode, string Level, string OnlineLevel, IReadOnlyList<string> Agencies);

    /// <summary>A page of results and how many there are in all.</summary>
    public sealed record Page(IReadOnlyList<Hit> Items, int Total, int PageNumber, int PageSize);

    /// <summary>One page of the procedures in force on <see cref="Query.AsOf"/> matching the query, best first.</summary>
    public async Task<Page> SearchAsync(Query query, CancellationToken cancellationToken)
    {
        var words = SearchFolding.Words(query.Text);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT v.procedure_key, v.version, v.national_code, v.name, v.name_en, v.sector_code, v.level, v.online_level, v.agency_codes,
                   count(*) OVER () AS total
            FROM app.procedure_versions v
            WHERE v.status = 'published' AND v.effective_from <= @as_of
              AND NOT EXISTS (
                  SELECT 1 FROM app.procedure_versions n
                  WHERE n.procedure_key = v.procedure_key AND n.status = 'published' AND n.effective_from <= @as_of
                    AND (n.effective_from, n.version) > (v.effective_from, v.version))
            """);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("as_of", query.AsOf));
        AddFilter(command, sql, "agency", query.Agency, "@agency = ANY (v.agency_codes)");
        AddFilter(command, sql, "sector", query.Sector, "v.sector_code = @sector");
        AddFilter(command, sql, "level", query.Level, "v.level = @level");
        AddFilter(command, sql, "online_level", query.OnlineLevel, "v.online_level = @online_level");
        var order = "v.name, v.procedure_key";
        if (words.Count > 0)
        {
            var phrase = string.Join(' ', words);
            command.Parameters.Add(new NpgsqlParameter<string>("q", phrase));
            command.Parameters.Add(new NpgsqlParameter<string>("phrase", "% " + Escape(phrase) + "%"));
            var patterns = new List<string>();
            for (var i = 0; i < words.Count; i++)
            {
                // Whole words, except the last one, which may still be being typed: short syllables ("tu", "ky")
                // matched as prefixes would make nearly every procedure a candidate.
                var pattern = "% " + Escape(words[i]) + (i == words.Count - 1 ? "%" : " %");
                command.Parameters.Add(new NpgsqlParameter<string>("w" + i, pattern));
                patterns.Add("@w" + i);
            }
            // OR of LIKEs (not LIKE ANY): each becomes a bitmap scan of the trigram index.
            sql.Append(" AND (").AppendJoin(" OR ", patterns.Select(p => $"v.search_text LIKE {p}")).Append(')');
            var inName = string.Join(" AND ", patterns.Select(p => $"v.search_name LIKE {p}"));
            var inText = string.Join(" AND ", patterns.Select(p => $"v.search_text LIKE {p}"));
            var found = string.Join(" + ", patterns.Select(p => $"(v.search_text LIKE {p})::int"));
            order = $"(v.search_name LIKE @phrase) DESC, ({inName}) DESC, ({inText}) DESC, ({found}) DESC, word_similarity(@q, v.search_name) DESC, v.name, v.procedure_key";
        }
        var page = Math.Max(1, query.Page);
        sql.Append(" ORDER BY ").Append(order).Append(" LIMIT @limit OFFSET @offset");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", PageSize));
        command.Parameters.Add(new NpgsqlParameter<int>("offset", (page - 1) * PageSize));
        command.CommandText = sql.ToString();

        var items = new List<Hit>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new Hit(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<string[]>(8)));
            total = (int)reader.GetInt64(9);
        }
        if (items.Count == 0 && page > 1)
        {
            // Past the last page the window count is unknown; ask for it without the page.
            total = await CountAsync(query with { Page = 1 }, cancellationToken);
        }
        return new Page(items, total, page, PageSize);
    }

    private async Task<int> CountAsync(Query query, CancellationToken cancellationToken) => (await SearchAsync(query, cancellationToken)).Total;

    private static void AddFilter(NpgsqlCommand command, StringBuilder sql, string name, string? value, string condition)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value.Trim() });
        sql.Append(" AND ").Append(condition);
    }

    /// <summary>Folded words hold only letters and digits, but keep LIKE's wildcards literal should that ever change.</summary>
    private static string Escape(string word) => word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
