// Stub of the public API of AWS.Lambda.Powertools.Idempotency (Powertools for AWS Lambda .NET) that LBP202 needs:
// the [Idempotent] attribute and the Idempotency.Configure entry point. Test stub only, not the real implementation
// (the real attribute derives from AspectInjector's UniversalWrapperAttribute).
using System;

namespace AWS.Lambda.Powertools.Idempotency
{
    [AttributeUsage(AttributeTargets.Method)]
    public class IdempotentAttribute : Attribute
    {
    }

    public sealed class Idempotency
    {
        public static void Configure(Action<IdempotencyBuilder> configurationAction) => throw null!;

        public class IdempotencyBuilder
        {
            public IdempotencyBuilder UseDynamoDb(string tableName) => throw null!;
        }
    }
}
