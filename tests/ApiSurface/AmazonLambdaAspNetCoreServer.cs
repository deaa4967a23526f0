// Stub of the public API surface of the NuGet package Amazon.Lambda.AspNetCoreServer (assembly
// Amazon.Lambda.AspNetCoreServer): the base classes of an ASP.NET Core application run by Lambda behind API Gateway (REST
// and HTTP APIs) or an Application Load Balancer. The real FunctionHandlerAsync marshals the event into an HttpContext
// and runs the application's pipeline (middleware, controllers, minimal-API endpoints) once per invocation.
// The shared reference listing has no entry for this package; checked against the package's sources.
// Compiled against the ASP.NET Core 8 reference pack (tests/ReferenceSet.Net80.AspNetCore); not part of the samples'
// LambdaApiSurface project, which has no ASP.NET Core.
// Requires: AmazonLambdaCore.cs, AmazonLambdaAPIGatewayEvents.cs, AmazonLambdaApplicationLoadBalancerEvents.cs
#nullable enable
using System;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Amazon.Lambda.AspNetCoreServer
{
    public enum StartupMode
    {
        Constructor,
        FirstRequest,
    }

    public abstract class AbstractAspNetCoreFunction
    {
        public const string LAMBDA_CONTEXT = "LambdaContext";
        public const string LAMBDA_REQUEST_OBJECT = "LambdaRequestObject";
    }

    public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
    {
        protected AbstractAspNetCoreFunction() { }

        protected AbstractAspNetCoreFunction(StartupMode startupMode) { }

        protected AbstractAspNetCoreFunction(IServiceProvider hostedServices) { }

        public IServiceProvider Services => throw null!;

        public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext) => throw null!;

        protected virtual IWebHostBuilder CreateWebHostBuilder() => throw null!;

        protected virtual IHostBuilder CreateHostBuilder() => throw null!;

        protected virtual void Init(IWebHostBuilder builder) { }

        protected virtual void Init(IHostBuilder builder) { }
    }

    public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>
    {
        protected APIGatewayProxyFunction() { }

        protected APIGatewayProxyFunction(StartupMode startupMode) { }

        protected APIGatewayProxyFunction(IServiceProvider hostedServices) { }
    }

    public abstract class APIGatewayProxyFunction<TStartup> : APIGatewayProxyFunction
        where TStartup : class
    {
        protected APIGatewayProxyFunction() { }

        protected APIGatewayProxyFunction(StartupMode startupMode) { }
    }

    public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>
    {
        protected APIGatewayHttpApiV2ProxyFunction() { }

        protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode) { }

        protected APIGatewayHttpApiV2ProxyFunction(IServiceProvider hostedServices) { }
    }

    public abstract class APIGatewayHttpApiV2ProxyFunction<TStartup> : APIGatewayHttpApiV2ProxyFunction
        where TStartup : class
    {
        protected APIGatewayHttpApiV2ProxyFunction() { }

        protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode) { }
    }

    public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction<ApplicationLoadBalancerRequest, ApplicationLoadBalancerResponse>
    {
        protected ApplicationLoadBalancerFunction() { }

        protected ApplicationLoadBalancerFunction(StartupMode startupMode) { }

        protected ApplicationLoadBalancerFunction(IServiceProvider hostedServices) { }
    }

    public abstract class ApplicationLoadBalancerFunction<TStartup> : ApplicationLoadBalancerFunction
        where TStartup : class
    {
        protected ApplicationLoadBalancerFunction() { }

        protected ApplicationLoadBalancerFunction(StartupMode startupMode) { }
    }
}
