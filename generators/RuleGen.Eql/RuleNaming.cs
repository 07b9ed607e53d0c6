using System.Text;

namespace RuleGen.Eql;

/// <summary>Derives C# names from rule file names.</summary>
public static class RuleNaming
{
    /// <summary>
    /// Turns a file name without extension into a PascalCase C# identifier plus <c>Detector</c>:
    /// <c>internal_proxy-tools</c> becomes <c>InternalProxyToolsDetector</c>. Characters that are not letters or
    /// digits separate words. A name that would start with a digit, or be <c>I</c>, gets the prefix <c>Rule</c>.
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

        // "I" would make IDetector, the name of the interface every detector implements.
        if (name.Length == 0 || char.IsDigit(name[0]) || name.ToString() == "I")
        {
            name.Insert(0, "Rule");
        }

        return name.Append("Detector").ToString();
    }
}
