// Each test class starts its own Anvil, Node processes and servers; running them one class at a
// time keeps a shared 2-core CI machine responsive (other test assemblies still run alongside).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
