// Types shared by the template and its modules.

@export()
@description('Resource tags: names to values.')
type tags = {
  *: string
}

@export()
@secure()
@description('App settings: names to values. Secure: they include keys and connection strings.')
type appSettings = {
  *: string
}
