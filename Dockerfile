# The dualrail executable (serve, facilitator, pay, decode) as a container image.
#   docker build -t dualrail .   then   docker run dualrail serve
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/ protos/
COPY src/ src/
COPY regtest/DualRail.LndSim/ regtest/DualRail.LndSim/
RUN dotnet publish src/DualRail.Cli/DualRail.Cli.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
ENTRYPOINT ["dotnet", "dualrail.dll"]
CMD ["serve"]
