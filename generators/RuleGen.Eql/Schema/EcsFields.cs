using System;
using System.Collections.Generic;
using System.Linq;

namespace RuleGen.Eql.Schema;

/// <summary>The Elastic Common Schema fields, generated from the @elastic/ecs package (see tools/ecs-schema).</summary>
public static partial class EcsFields
{
    private static readonly Lazy<FieldDefinition[]> Fields = new(CreateAll);

    public static IReadOnlyCollection<FieldDefinition> All => Fields.Value;
}
