using Microsoft.AspNetCore.Components.Forms;
using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.Host.UI.Pages.Admin;

/// <summary>One problem of a submitted form: its text and the id of the input it concerns (none for the whole form).</summary>
public sealed record AdminFormError(string? FieldId, string Text);

/// <summary>
/// The errors of one form of an administrator page: the service's errors (by API field name) turned into localized
/// texts tied to the form's input ids, so the summary can link to the inputs and the inputs can point to their texts.
/// When attached to the form's model, the errors also go into its <see cref="EditContext"/>, so that Blazor's input
/// components mark themselves invalid (they drop a hand-written aria-invalid otherwise).
/// </summary>
public sealed class AdminFormErrors
{
    private readonly List<AdminFormError> _errors = [];
    private readonly string _formPrefix;
    private EditContext? _context;
    private ValidationMessageStore? _store;

    public AdminFormErrors(string formPrefix) => _formPrefix = formPrefix;

    public IReadOnlyList<AdminFormError> All => _errors;

    /// <summary>The edit context of the attached model (see <see cref="Attach"/>).</summary>
    public EditContext Context => _context ?? throw new InvalidOperationException("Attach the form's model first.");

    public bool Any => _errors.Count > 0;

    /// <summary>The id of the input for an API field: <c>{form}-{field}</c>.</summary>
    public string Id(string field) => $"{_formPrefix}-{field}";

    public string ErrorId(string field) => Id(field) + "-error";

    public string? For(string field) => _errors.FirstOrDefault(e => e.FieldId == Id(field))?.Text;

    /// <summary><c>true</c> for aria-invalid when the field has an error, otherwise null (attribute left out).</summary>
    public string? Invalid(string field) => For(field) is null ? null : "true";

    /// <summary>The id of the field's error text for aria-describedby, or null.</summary>
    public string? DescribedBy(string field) => For(field) is null ? null : ErrorId(field);

    /// <summary>Ties the errors to a (new) form model; its properties are the API field names in PascalCase.</summary>
    public void Attach(object model)
    {
        _context = new EditContext(model);
        _store = new ValidationMessageStore(_context);
    }

    public void Add(string? field, string text)
    {
        _errors.Add(new(string.IsNullOrEmpty(field) ? null : Id(field), text));
        if (_context is not null && !string.IsNullOrEmpty(field))
        {
            _store!.Add(_context.Field(char.ToUpperInvariant(field[0]) + field[1..]), text);
            _context.NotifyValidationStateChanged();
        }
    }

    internal void AddAll(IEnumerable<AdminError> errors, Func<AdminError, string> text)
    {
        foreach (var error in errors)
        {
            Add(error.Field, text(error));
        }
    }

    public void Clear()
    {
        _errors.Clear();
        _store?.Clear();
    }
}
