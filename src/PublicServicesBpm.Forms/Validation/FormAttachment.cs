namespace PublicServicesBpm.Forms;

/// <summary>
/// The port through which the validator checks file fields (filepicker). A file field's value is the id
/// of an attachment the applicant uploaded beforehand (function P6), or a list of ids when the field allows
/// several files. The host implements this over its attachment store, answering only for attachments that
/// belong to the dossier being submitted and to the signed-in applicant.
/// </summary>
public interface IFormAttachmentCatalog
{
    /// <summary>
    /// The attachment with this id if it exists and may be used in this submission; null otherwise.
    /// Called synchronously during validation: load the dossier's attachments up front (there are few),
    /// e.g. into a <see cref="FormAttachmentSet"/>.
    /// </summary>
    FormAttachment? Find(string attachmentId);
}

/// <summary>What the validator needs to know about an uploaded attachment.</summary>
/// <param name="Id">The attachment id the file field holds.</param>
/// <param name="FileName">The uploaded file's name, for the extension in <c>accept</c>.</param>
/// <param name="ContentType">The detected media type, e.g. <c>application/pdf</c>.</param>
public sealed record FormAttachment(string Id, string FileName, string ContentType);

/// <summary>An <see cref="IFormAttachmentCatalog"/> over attachments the host has already loaded.</summary>
public sealed class FormAttachmentSet : IFormAttachmentCatalog
{
    private readonly Dictionary<string, FormAttachment> _byId;

    /// <summary>Creates the set; ids are compared exactly (ordinal).</summary>
    public FormAttachmentSet(IEnumerable<FormAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        _byId = attachments.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public FormAttachment? Find(string attachmentId) => _byId.GetValueOrDefault(attachmentId);
}
