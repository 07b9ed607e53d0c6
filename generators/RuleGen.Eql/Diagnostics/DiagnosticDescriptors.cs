namespace RuleGen.Eql.Diagnostics;

/// <summary>
/// Every diagnostic RuleGen reports, in one table. Id ranges by kind: RG0xxx syntax, RG1xxx fields, types and
/// join keys, RG2xxx EQL extensions and constructs not compiled yet, RG3xxx rule metadata and configuration,
/// RG5xxx lints (warnings where EQL semantics surprise authors), RG9xxx internal errors. docs/diagnostics.md
/// lists each id with an example and the fix.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>
    /// Address of docs/diagnostics.md. A descriptor's help link appends its id in lowercase, which names the
    /// anchor in the id's table row. NOTE: this base must change if the repository moves.
    /// </summary>
    public const string HelpLinkBase = "https://github.com/rulegen/rulegen/blob/main/docs/diagnostics.md#";

    private const string Syntax = "RuleGen.Syntax";
    private const string Binding = "RuleGen.Binding";
    private const string Language = "RuleGen.Language";
    private const string Metadata = "RuleGen.Metadata";
    private const string Internal = "RuleGen.Internal";
    private const string Lint = "RuleGen.Lint";

    public static readonly DiagnosticDescriptorInfo UnexpectedCharacter = new(
        "RG0001", "Unexpected character", "Unexpected character '{0}'{1}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo UnterminatedString = new(
        "RG0002", "Unterminated string", "The string starting here is not closed: add the closing {0} before the end of the {1}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo InvalidEscape = new(
        "RG0003", "Invalid escape sequence", "Invalid escape sequence '{0}': {1}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo UnexpectedToken = new(
        "RG0004", "Unexpected token", "Expected {0} but found {1}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo InvalidNumber = new(
        "RG0005", "Invalid number", "Invalid number '{0}': {1}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo SingleQuotedString = new(
        "RG0006", "Single-quoted string", "EQL strings use double quotes: write \"{0}\" instead of '{0}'", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo AssignmentInsteadOfEquality = new(
        "RG0007", "'=' is not a comparison", "'=' is not a comparison operator in EQL: write '==' for a case-sensitive match or ':' for a case-insensitive one", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo UnterminatedComment = new(
        "RG0008", "Unterminated comment", "The block comment starting here is not closed: add '*/'", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo InvalidMaxspan = new(
        "RG0009", "Invalid maxspan", "Invalid maxspan: {0}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo InvalidSequence = new(
        "RG0010", "Invalid sequence", "{0}", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo EmptyRule = new(
        "RG0011", "Rule has no query", "The rule file contains no EQL query: write an event query such as 'process where process.name : \"cmd.exe\"' or a sequence", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo UnsupportedPipe = new(
        "RG0012", "Invalid pipe", "Invalid pipe '{0}': Elasticsearch EQL has two pipes, '| head N' and '| tail N', where N is a whole number greater than zero", EqlSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptorInfo UnknownField = new(
        "RG1001", "Unknown field", "Unknown field '{0}': it is not in {1}{2}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo FieldNotModeled = new(
        "RG1002", "Field has no typed member", "Field '{0}' cannot be read from the typed event because {1}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo TypeMismatch = new(
        "RG1003", "Type mismatch", "{0}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo JoinKeyMismatch = new(
        "RG1004", "Join keys do not line up", "{0}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo FieldComparedToField = new(
        "RG1005", "Field compared to a field", "Elasticsearch EQL cannot compare a field to another field ('{0}' and '{1}'): compare each field to a literal value", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo InvalidJoinKey = new(
        "RG1006", "Invalid join key", "{0}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo UnknownFunction = new(
        "RG1007", "Unknown function", "Unknown function '{0}'{1}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo WrongArgumentCount = new(
        "RG1008", "Wrong number of arguments", "{0}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo InvalidCidr = new(
        "RG1009", "Invalid CIDR block", "'{0}' is not a valid IPv4 or IPv6 address or CIDR block, such as \"10.0.0.0/8\" or \"fe80::/10\"", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo InvalidRegex = new(
        "RG1010", "Invalid regular expression", "Invalid regular expression \"{0}\" {1}: {2}", EqlSeverity.Error, Binding);

    public static readonly DiagnosticDescriptorInfo SingleTermSequence = new(
        "RG2001", "Single-term sequence (RuleGen extension)", "A sequence with a single term is a RuleGen extension that Elasticsearch rejects ('EQL sequences need at least two clauses'): every event matching the term completes it", EqlSeverity.Warning, Language);

    public static readonly DiagnosticDescriptorInfo NotSequenceClause = new(
        "RG2002", "'not sequence' clause (RuleGen extension)", "A trailing 'not sequence' clause is a RuleGen extension that Elasticsearch rejects: a sequence match is dropped when an event matching this clause, with the same join key values, occurred at or before the match's last event and within maxspan of it", EqlSeverity.Warning, Language);

    public static readonly DiagnosticDescriptorInfo NotSupportedYet = new(
        "RG2003", "EQL construct not compiled yet", "RuleGen does not compile {0} yet{1}", EqlSeverity.Error, Language);

    public static readonly DiagnosticDescriptorInfo UnknownMetadataTag = new(
        "RG3001", "Unknown metadata tag", "Unknown metadata tag '@{0}': {1}", EqlSeverity.Warning, Metadata);

    public static readonly DiagnosticDescriptorInfo InvalidMetadataValue = new(
        "RG3002", "Invalid metadata value", "Invalid value for '@{0}': {1}", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo DuplicateMetadataTag = new(
        "RG3003", "Duplicate metadata tag", "The tag '@{0}' takes one value and is already set on line {1}: remove one of them", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo MetadataAfterQuery = new(
        "RG3004", "Metadata tag after the query", "The comment '@{0}' comes after the query starts and is not read as metadata: move it to the comment block before the query", EqlSeverity.Warning, Metadata);

    public static readonly DiagnosticDescriptorInfo DuplicateDetectorName = new(
        "RG3005", "Two rules generate the same class", "The rules '{0}' and '{1}' both generate the class '{2}': rename one of the files", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo InvalidNamespace = new(
        "RG3006", "Invalid RuleGenNamespace", "The MSBuild property RuleGenNamespace is '{0}', which is not a valid C# namespace; the detectors were generated in '{1}' instead. Set it to dotted identifiers, such as MyAgent.Detection", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo LiteralWildcard = new(
        "RG5001", "Wildcard in an exact comparison", "'{0}' compares the value exactly, so '{1}' in {2} is a literal character, not a wildcard: write ':' (case-insensitive) or 'like' (case-sensitive) to match a pattern", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo UnknownCategory = new(
        "RG5002", "Event category looks misspelled", "The event category '{0}' is not an ECS event.category value, and events are matched against it exactly, so this query may never match; did you mean '{1}'?", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo CaseInsensitiveFlag = new(
        "RG5003", "Case-insensitive match on a command-line flag", "'{0}' ignores case, so {1} also accepts {2}, which is usually a different option: write '==' or 'in' for an exact match, or list both cases on purpose", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo DuplicateListValue = new(
        "RG5004", "Duplicate value in a list", "{0} is already in this list{1}: remove the repeat", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo ContradictoryCondition = new(
        "RG5005", "Condition can never be true", "'{0}' holds one value on each event, and this test requires {1} while an earlier one in the same 'and' requires {2}, so the condition can never be true: did you mean 'or'?", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo OrderedNullComparison = new(
        "RG5006", "Ordered comparison with null", "'{0}' compares with null by order, which is null on every event, so this test never matches: write == null (the value is missing) or != null (the value is present)", EqlSeverity.Warning, Lint);

    public static readonly DiagnosticDescriptorInfo InvalidSchemaFile = new(
        "RG3007", "Invalid schema file", "Invalid schema file: {0}. A schema file is a JSON object of field names to Elasticsearch types, such as {{\"process.Ext.api.name\": \"keyword\"}}", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo UnknownSchemaType = new(
        "RG3008", "Unknown field type in a schema file", "'{0}' has the type \"{1}\", which is not an Elasticsearch field type, so rules cannot compare it with values; {2}", EqlSeverity.Warning, Metadata);

    public static readonly DiagnosticDescriptorInfo ConflictingSchemaField = new(
        "RG3009", "Conflicting field declaration", "'{0}' is declared here as {1}, but {2} declares it as {3}, which is used: remove or correct this declaration", EqlSeverity.Warning, Metadata);

    public static readonly DiagnosticDescriptorInfo InvalidInlineRule = new(
        "RG3010", "Invalid [EqlRule] class", "The [EqlRule] class '{0}' {1}", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo InvalidEventType = new(
        "RG3011", "Invalid event type", "{0}", EqlSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptorInfo InternalError = new(
        "RG9001", "Internal error in RuleGen", "RuleGen failed on this rule with {0}: {1}. The rule was not compiled; please report this with the rule text", EqlSeverity.Error, Internal);

    /// <summary>Every descriptor, in id order.</summary>
    public static readonly DiagnosticDescriptorInfo[] All =
    {
        UnexpectedCharacter, UnterminatedString, InvalidEscape, UnexpectedToken, InvalidNumber, SingleQuotedString,
        AssignmentInsteadOfEquality, UnterminatedComment, InvalidMaxspan, InvalidSequence, EmptyRule, UnsupportedPipe,
        UnknownField, FieldNotModeled, TypeMismatch, JoinKeyMismatch, FieldComparedToField, InvalidJoinKey,
        UnknownFunction, WrongArgumentCount, InvalidCidr, InvalidRegex,
        SingleTermSequence, NotSequenceClause, NotSupportedYet,
        UnknownMetadataTag, InvalidMetadataValue, DuplicateMetadataTag, MetadataAfterQuery, DuplicateDetectorName,
        InvalidNamespace, InvalidSchemaFile, UnknownSchemaType, ConflictingSchemaField, InvalidInlineRule, InvalidEventType, LiteralWildcard, UnknownCategory,
        CaseInsensitiveFlag, DuplicateListValue, ContradictoryCondition, OrderedNullComparison, InternalError,
    };
}
