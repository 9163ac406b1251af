using System.Text;

namespace DxCollab.Platform.Text;

/// <summary>Splits one CSV line as Excel writes it: fields may be quoted, a quoted field may hold commas,
/// and a doubled quote inside it is one quote. (Line breaks inside quoted fields are not supported.)</summary>
public static class Csv
{
    public static IReadOnlyList<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
