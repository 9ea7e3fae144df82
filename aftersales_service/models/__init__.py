# network
# warranty
# service
