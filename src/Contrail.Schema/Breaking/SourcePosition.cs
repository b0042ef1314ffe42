namespace Contrail.Schema.Breaking;

/// <summary>
/// A span in a <c>.proto</c> file, as buf reports it: the file's path in the image and 1-based lines
/// and columns. A position without source info (an image built without it) has line and column 0.
/// </summary>
/// <param name="Path">The file's path in the image, e.g. <c>acme/shop/v1/orders.proto</c>.</param>
/// <param name="StartLine">The 1-based first line, or 0 when unknown.</param>
/// <param name="StartColumn">The 1-based first column, or 0 when unknown.</param>
/// <param name="EndLine">The 1-based last line, or 0 when unknown.</param>
/// <param name="EndColumn">The 1-based column just past the end, or 0 when unknown.</param>
public sealed record SourcePosition(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn);
