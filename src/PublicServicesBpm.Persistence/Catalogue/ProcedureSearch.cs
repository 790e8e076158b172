using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// Searches the procedures in force (function P11). The query is folded like the stored columns
/// (<see cref="SearchFolding"/>); each word matches a whole word of the procedure's text, the last one also the start
/// of a word, so "dang ky khai s" finds "Đăng ký khai sinh". Results rank by: the name contains the whole phrase, every
/// word is in the name, every word is in the text, how many words are found, then trigram word similarity of the name.
/// <para>
/// Two phases keep common words cheap: first the versions holding <em>every</em> word (the GIN index of the generated
/// tsvector column <c>search_vector</c> finds them: <c>w1 &amp; w2 &amp; w3:*</c>). When at least a page of procedures holds
/// every word, the list is those only — the rest would rank below them anyway — and <see cref="Page.Total"/> counts
/// them. Otherwise the list is every procedure holding at least one word, ranked the same way, and the total counts
/// those. Either way every page of one query comes from the same list. See docs/catalogue.md for the plans.
/// </para>
/// </summary>
public sealed class ProcedureSearch(NpgsqlDataSource dataSource)
{
    /// <summary>Procedures per page.</summary>
    public const int PageSize = 20;

    /// <summary>Free text (any case, with or without diacritics), exact-code filters (null = any), 1-based page, the date of "in force".</summary>
    public sealed record Query(string? Text, string? Agency, string? Sector, string? Level, string? OnlineLevel, int Page, DateOnly AsOf);

    /// <summary>One procedure found: its version in force.</summary>
    public sealed record Hit(string Key, int Version, string NationalCode, string Name, string? NameEn, string SectorCode, string Level, string OnlineLevel, IReadOnlyList<string> Agencies);

    /// <summary>A page of results and how many there are in all (see the class remarks for which list a text query gives).</summary>
    public sealed record Page(IReadOnlyList<Hit> Items, int Total, int PageNumber, int PageSize);

    /// <summary>One page of the procedures in force on <see cref="Query.AsOf"/> matching the query, best first.</summary>
    public async Task<Page> SearchAsync(Query query, CancellationToken cancellationToken)
    {
        var words = SearchFolding.Words(query.Text);
        var page = Math.Max(1, query.Page);
        if (words.Count == 0)
        {
            return await RunAsync(query, page, words, everyWord: false, cancellationToken);
        }
        var everyWord = await RunAsync(query, page, words, everyWord: true, cancellationToken);
        return everyWord.Total >= PageSize ? everyWord : await RunAsync(query, page, words, everyWord: false, cancellationToken);
    }

    /// <summary>
    /// One page of one list. Ranking keys are computed in two steps: the cheap ones (LIKEs on the short name, tsvector
    /// matches) for every candidate, word similarity (the costly one) only for the candidates in the leading tiers of
    /// the cheap keys — those that can reach the page (their tier starts at or before its last position).
    /// </summary>
    private async Task<Page> RunAsync(Query query, int page, IReadOnlyList<string> words, bool everyWord, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = Where(command, query, words, everyWord);
        var offset = (page - 1) * PageSize;
        command.Parameters.Add(new NpgsqlParameter<int>("limit", PageSize));
        command.Parameters.Add(new NpgsqlParameter<int>("offset", offset));
        const string Columns = "procedure_key, version, national_code, name, name_en, sector_code, level, online_level, agency_codes";
        if (words.Count == 0)
        {
            command.CommandText = $"SELECT {Columns}, count(*) OVER () AS total FROM app.procedure_versions v {where} ORDER BY v.name, v.procedure_key LIMIT @limit OFFSET @offset";
        }
        else
        {
            var keys = CheapKeys(command, words, everyWord);
            var tiers = string.Join(", ", keys.Select((_, i) => $"k{i} DESC"));
            command.CommandText = $"""
                SELECT {Columns}, total FROM (
                  SELECT r.*, count(*) OVER () AS total, rank() OVER (ORDER BY {tiers}) AS tier_start FROM (
                    SELECT v.{Columns.Replace(", ", ", v.", StringComparison.Ordinal)}, v.search_name,
                           {string.Join(", ", keys.Select((k, i) => $"{k} AS k{i}"))}
                    FROM app.procedure_versions v {where}) r) c
                WHERE c.tier_start <= @offset + @limit
                ORDER BY {tiers}, {Similarity} DESC, c.name, c.procedure_key
                LIMIT @limit OFFSET @offset
                """;
        }

        var items = new List<Hit>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new Hit(
                    reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<string[]>(8)));
                total = (int)reader.GetInt64(9);
            }
        }
        if (items.Count == 0 && offset > 0)
        {
            // Past the last page the window count is unknown; count the same rows without the page.
            command.CommandText = $"SELECT count(*) FROM app.procedure_versions v {where}";
            total = (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        return new Page(items, total, page, PageSize);
    }

    /// <summary>
    /// Published, in force on the date, passing the filters, holding every word (or at least one). "In force" = no later
    /// published version effective by then; only procedures with a published version above 1 can have one, so the
    /// per-row probe is skipped for the others (a hashed list read from a small partial index).
    /// </summary>
    private static string Where(NpgsqlCommand command, Query query, IReadOnlyList<string> words, bool everyWord)
    {
        var sql = new StringBuilder("""
            WHERE v.status = 'published' AND v.effective_from <= @as_of
              AND (v.procedure_key NOT IN (SELECT l.procedure_key FROM app.procedure_versions l WHERE l.status = 'published' AND l.version > 1)
                   OR NOT EXISTS (
                      SELECT 1 FROM app.procedure_versions n
                      WHERE n.procedure_key = v.procedure_key AND n.status = 'published' AND n.effective_from <= @as_of
                        AND (n.effective_from, n.version) > (v.effective_from, v.version)))
            """);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("as_of", query.AsOf));
        AddFilter(command, sql, "agency", query.Agency, "@agency = ANY (v.agency_codes)");
        AddFilter(command, sql, "sector", query.Sector, "v.sector_code = @sector");
        AddFilter(command, sql, "level", query.Level, "v.level = @level");
        AddFilter(command, sql, "online_level", query.OnlineLevel, "v.online_level = @online_level");
        if (words.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("words", TsQuery(words, everyWord ? " & " : " | ")));
            sql.Append(" AND v.search_vector @@ to_tsquery('simple', @words)");
        }
        return sql.ToString();
    }

    /// <summary>
    /// The ranking keys before similarity, best first: whole phrase in the name, every word in the name, and — only in the
    /// "some words" list, where they vary — every word in the text and how many words the text holds.
    /// </summary>
    private static List<string> CheapKeys(NpgsqlCommand command, IReadOnlyList<string> words, bool everyWord)
    {
        var phrase = string.Join(' ', words);
        command.Parameters.Add(new NpgsqlParameter<string>("q", phrase));
        command.Parameters.Add(new NpgsqlParameter<string>("phrase", "% " + Escape(phrase) + "%"));
        command.Parameters.Add(new NpgsqlParameter<string>("whole_phrase", "% " + Escape(phrase) + " %"));
        var inName = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            // Whole words, except the last one, which may still be being typed: short syllables ("tu", "ky")
            // matched as prefixes would make nearly every procedure a candidate.
            var pattern = "% " + Escape(words[i]) + (i == words.Count - 1 ? "%" : " %");
            command.Parameters.Add(new NpgsqlParameter<string>("w" + i.ToString(CultureInfo.InvariantCulture), pattern));
            inName.Add($"v.search_name LIKE @w{i}");
        }
        List<string> keys = ["(v.search_name LIKE @phrase)", $"({string.Join(" AND ", inName)})"];
        if (!everyWord)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("all_words", TsQuery(words, " & ")));
            keys.Add("(v.search_vector @@ to_tsquery('simple', @all_words))");
            var found = new List<string>();
            for (var i = 0; i < words.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("t" + i.ToString(CultureInfo.InvariantCulture), TsQuery([words[i]], "", last: i == words.Count - 1)));
                found.Add($"(v.search_vector @@ to_tsquery('simple', @t{i}))::int");
            }
            keys.Add($"({string.Join(" + ", found)})");
        }
        return keys;
    }

    /// <summary>
    /// word_similarity of the query and the name. A name holding the phrase as whole words holds every trigram of the
    /// query in one extent, so its similarity is exactly 1 (the maximum): the cheap LIKE answers for it.
    /// </summary>
    private const string Similarity = "CASE WHEN c.search_name LIKE @whole_phrase THEN 1 ELSE word_similarity(@q, c.search_name) END";

    /// <summary>Folded words are letters and digits only, so they are safe tsquery operands; the last one is a prefix.</summary>
    private static string TsQuery(IReadOnlyList<string> words, string separator, bool last = true) =>
        string.Join(separator, words.Select((w, i) => i == words.Count - 1 && last ? w + ":*" : w));

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
