// Stub of the public API surface of the NuGet package Amazon.Lambda.AspNetCoreServer.Hosting (assembly
// Amazon.Lambda.AspNetCoreServer.Hosting): AddAWSLambdaHosting, which makes a minimal-API or WebApplication project run
// as a Lambda function when it runs in Lambda (and as a Kestrel server elsewhere). Namespaces as published: the enum
// LambdaEventSource and the extension class live in Microsoft.Extensions.DependencyInjection, HostingOptions in
// Amazon.Lambda.AspNetCoreServer.Hosting. Not stubbed: the SourceGeneratorLambdaJsonSerializer overload and
// AddAWSLambdaBeforeSnapshotRequest. The shared reference listing has no entry for this package; checked against the
// package's sources. Compiled against the ASP.NET Core 8 reference pack; not part of the samples' LambdaApiSurface project.
// Requires: AmazonLambdaAspNetCoreServer.cs
#nullable enable
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;

namespace Amazon.Lambda.AspNetCoreServer.Hosting
{
    public class HostingOptions
    {
        public bool IncludeUnhandledExceptionDetailInResponse { get; set; }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public enum LambdaEventSource
    {
        RestApi,
        HttpApi,
        ApplicationLoadBalancer,
    }

    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource) => throw null!;

        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource, Action<HostingOptions>? configure = null) => throw null!;
    }
}
