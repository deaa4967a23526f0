// Mirrors NuGet package: Constructs 10.x (the construct programming model under the AWS CDK v2; the reference does
// not pin a version).
// TEST/SAMPLE STUB of the public API surface only: namespaces, member names and types follow the published package;
// this is NOT the real implementation (bodies throw or return defaults).
// Not checked against shared/reference (the package is not listed there): written from the package's public API.
// The real classes derive from Amazon.JSII.Runtime.Deputy.DeputyBase (package Amazon.JSII.Runtime), which the
// analyzers never look at: that base is left out. Only Construct, IConstruct, IDependable and Node are stubbed.
// Requires: none
// Nullable: the real assembly is nullable-annotated (jsii generates `string?` for optional values), so this file is too.

#nullable enable

namespace Constructs
{
    public interface IDependable
    {
    }

    public interface IConstruct : IDependable
    {
        Node Node { get; }
    }

    public class Construct : IConstruct
    {
        public Construct(Construct scope, string id)
        {
        }

        public virtual Node Node => throw null!;

        public override string ToString() => throw null!;
    }

    public class Node
    {
        public virtual string Id => throw null!;

        public virtual string Path => throw null!;

        public virtual object? TryGetContext(string key) => throw null!;
    }
}
