using System.Text;

namespace RuleGen.Eql;

/// <summary>Derives C# names from rule file names.</summary>
public static class RuleNaming
{
    /// <summary>
    /// Turns a file name without extension into a PascalCase C# identifier plus <c>Detector</c>:
    /// <c>internal_proxy-tools</c> becomes <c>InternalProxyToolsDetector</c>. Characters that are not letters or
    /// digits separate words; a name that would start with a digit gets the prefix <c>Rule</c>.
    /// </summary>
    public static string ToClassName(string fileStem)
    {
        var name = new StringBuilder();
        bool upperNext = true;
        foreach (char c in fileStem)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                name.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, "Rule");
        }

        return name.Append("Detector").ToString();
    }
}
