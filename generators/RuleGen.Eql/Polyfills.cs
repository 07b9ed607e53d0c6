// netstandard2.0 lacks the types that newer C# features compile against; the compiler only needs them to exist.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
