using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace EcosystemSim.Reports.Output;

/// <summary>
/// The one way every CSV file is written (metrics.csv, summary.csv, lorenz.csv, households_YYYY.csv,
/// comparison.csv, sweep.csv) and read back: RFC 4180 fields separated by commas, a field that holds a
/// comma, a quote, a carriage return or a line feed quoted (its quotes doubled), every row ended by
/// <c>\n</c>, UTF-8 without a byte order mark. Fields are text: callers format numbers themselves
/// (invariant culture), so a file whose fields need no quoting is exactly the fields joined by commas.
/// Built on Sep (nietras.SeparatedValues).
/// </summary>
public static class Csv
{
    /// <summary>The row end of every file.</summary>
    public const string NewLine = "\n";

    internal static readonly Sep Separator = Sep.New(',');

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// A writer of rows to <paramref name="text"/>, the header written first; the text writer is left
    /// open and its <see cref="TextWriter.NewLine"/> set to <c>\n</c>. Dispose the writer to flush it.
    /// </summary>
    public static CsvWriter Writer(TextWriter text, IReadOnlyList<string> header) => new(text, header, ownsText: false);

    /// <summary>A writer of rows to a new file at <paramref name="path"/> (replaced if it exists), the header written first.</summary>
    public static CsvWriter ToFile(string path, IReadOnlyList<string> header)
    {
        var stream = new StreamWriter(path, append: false, Utf8, 1 << 16);
        try
        {
            return new CsvWriter(stream, header, ownsText: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes a file by streaming text to it (a table's WriteCsv), UTF-8 without a byte order mark as
    /// every CSV file: the same bytes as its ToCsv text written whole, without holding the text.
    /// </summary>
    public static void WriteFile(string path, Action<TextWriter> write)
    {
        using var stream = new StreamWriter(path, append: false, Utf8, 1 << 16);
        write(stream);
    }

    /// <summary>Writes the header and the rows to <paramref name="text"/> (left open).</summary>
    public static void Write(TextWriter text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var csv = Writer(text, header);
        foreach (var row in rows) csv.WriteRow(row);
    }

    /// <summary>The CSV text of the header and the rows.</summary>
    public static string ToText(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, header, rows);
        return text.ToString();
    }

    /// <summary>
    /// The text a <paramref name="write"/> of rows gives, on a string writer sized for
    /// <paramref name="capacity"/> characters (for the tables' ToCsv).
    /// </summary>
    internal static string ToText(int capacity, Action<TextWriter> write)
    {
        using var text = new StringWriter(new StringBuilder(capacity), CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }

    /// <summary>
    /// A reader of CSV text in this format: the first row is the header, quoted fields are unquoted
    /// (<c>row[i].Span</c>, <c>row[i].ToString()</c>), and a row with another number of fields than
    /// the header throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static SepReader Reader(TextReader text) => ReaderOptions.From(text);

    /// <summary>A reader of the CSV file at <paramref name="path"/> (see <see cref="Reader(TextReader)"/>).</summary>
    public static SepReader ReadFile(string path) => ReaderOptions.FromFile(path);

    private static SepReaderOptions ReaderOptions => Separator.Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture });
}

/// <summary>
/// Writes the rows of one CSV file (see <see cref="Csv"/>): every row must have as many fields as the
/// header. Rows are written as they come (nothing is held but a buffer), so a table of any size streams.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private readonly TextWriter _text;
    private readonly bool _ownsText;
    private readonly SepWriter _writer;
    private bool _disposed;

    internal CsvWriter(TextWriter text, IReadOnlyList<string> header, bool ownsText)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Count == 0) throw new ArgumentException("a CSV file needs at least one column", nameof(header));
        _text = text;
        _ownsText = ownsText;
        // Sep ends rows with the text writer's NewLine.
        text.NewLine = Csv.NewLine;
        _writer = Csv.Separator.Writer(o => o with
        {
            Escape = true,
            WriteHeader = false,
            CultureInfo = CultureInfo.InvariantCulture,
        }).To(text, leaveOpen: true);
        ColumnCount = header.Count;
        // The header goes through as a row: any names, repeated or not, quoted like fields.
        WriteRow(header);
    }

    /// <summary>Fields in every row (the header's).</summary>
    public int ColumnCount { get; }

    /// <summary>Writes one row; it must have <see cref="ColumnCount"/> fields (null is written as empty).</summary>
    public void WriteRow(params ReadOnlySpan<string?> fields)
    {
        CheckCount(fields.Length);
        using var row = _writer.NewRow();
        for (int i = 0; i < fields.Length; i++) row[i].Set(fields[i]);
    }

    /// <summary>Writes one row; it must have <see cref="ColumnCount"/> fields (null is written as empty).</summary>
    public void WriteRow(IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        CheckCount(fields.Count);
        using var row = _writer.NewRow();
        for (int i = 0; i < fields.Count; i++) row[i].Set(fields[i]);
    }

    /// <summary>
    /// Writes <paramref name="first"/> followed by every field of a row read back with
    /// <see cref="Csv.Reader"/> (re-quoted where needed); together they must make <see cref="ColumnCount"/> fields.
    /// </summary>
    public void WriteRow(ReadOnlySpan<string?> first, SepReader.Row rest)
    {
        CheckCount(first.Length + rest.ColCount);
        using var row = _writer.NewRow();
        int c = 0;
        foreach (string? field in first) row[c++].Set(field);
        for (int i = 0; i < rest.ColCount; i++) row[c++].Set(rest[i].Span);
    }

    /// <summary>Flushes the rows written so far to the underlying writer.</summary>
    public void Flush()
    {
        _writer.Flush();
        _text.Flush();
    }

    /// <summary>Flushes the rows; closes the file if this writer opened it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _writer.Dispose();
            _text.Flush();
        }
        finally
        {
            if (_ownsText) _text.Dispose();
        }
    }

    private void CheckCount(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count != ColumnCount) throw new ArgumentException($"a row of {count} fields under a header of {ColumnCount}");
    }
}
