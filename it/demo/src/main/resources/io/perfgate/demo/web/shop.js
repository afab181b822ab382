// asks the users API whether it is up and says so on the page
fetch('/api/v1/health')
  .then((response) => response.json())
  .then((health) => { document.getElementById('status').textContent = 'Service: ' + health.status; })
  .catch(() => { document.getElementById('status').textContent = 'Service unreachable'; });
